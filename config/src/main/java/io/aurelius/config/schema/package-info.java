/**
 * The published JSON Schema (draft 2020-12) of the {@code aurelius.config/1} format, shipped as a
 * resource and printed by {@code aurelius config schema}. It states the structure; the validator in
 * {@code io.aurelius.config.validation} enforces it plus every cross-reference and CEL rule. No
 * dependencies; used by the CLI.
 */
package io.aurelius.config.schema;

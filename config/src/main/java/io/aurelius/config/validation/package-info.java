/**
 * Validation of {@code aurelius.config/1} documents: the strict reader that turns a parsed JSON
 * tree into {@code io.aurelius.config.model} records while collecting every problem with its JSON
 * path and expected value, the documented {@link io.aurelius.config.validation.Limits}, the
 * reference and consistency checks, the CEL scopes of each kind of expression and their
 * type-checking. Depends on the model and on {@code io.aurelius.config.cel}; used by the {@code
 * io.aurelius.config} facade.
 */
package io.aurelius.config.validation;

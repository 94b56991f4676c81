/**
 * Compatibility with the live SN37 subnet's {@code schema_v1} scenario configurations: a validator
 * implementing that JSON Schema (2020-12) and the three rules SN37's code adds, with errors at v1
 * JSON paths; an importer into {@code aurelius.config/1} (a narrative world where each forced
 * choice becomes a two-option action for one agent in one phase) and an exporter back. Depends on
 * the {@code io.aurelius.config} facade and the model; used by the CLI.
 */
package io.aurelius.config.v1;

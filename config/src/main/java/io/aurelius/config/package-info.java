/**
 * The entry points of the config module: {@link io.aurelius.config.ConfigLoader} reads untrusted
 * bytes into a validated, compiled {@link io.aurelius.config.CompiledConfig} (or reports every
 * problem), {@link io.aurelius.config.ConfigDocuments} computes the canonical id and signs and
 * verifies. The world model, the miner, the validator and the CLI depend on this package and on
 * {@code io.aurelius.config.model}; nothing here knows about networking or LLMs.
 */
package io.aurelius.config;

/**
 * The scenario configuration model: immutable records and sealed types for one {@code
 * aurelius.config/1} document (world state, agents, actions, effects, draws, dynamics,
 * observations, events, phases, termination, framings, signature). Records are built only by the
 * validating reader in {@code io.aurelius.config.validation}; logic is carried as {@link
 * io.aurelius.config.model.Expression} and {@link io.aurelius.config.model.Template} source with
 * its JSON path, compiled elsewhere. Depends on node-core value types only; every other part of the
 * project may depend on it.
 */
package io.aurelius.config.model;

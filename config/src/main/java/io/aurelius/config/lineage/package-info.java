/**
 * Forking and lineage: a fork is a new configuration whose {@code parent} is the id of the
 * configuration it came from and whose body differs from it; lineage follows {@code parent} ids
 * through a {@link io.aurelius.config.lineage.ConfigStore} (for example a directory of
 * configuration files indexed by id), stopping at a root, a missing parent or a cycle. Depends on
 * the {@code io.aurelius.config} facade; used by the CLI and the miner.
 */
package io.aurelius.config.lineage;

/**
 * Reproducible randomness: a fully specified generator (SplitMix64) and the derivation of
 * independent seeds from a run's seed and labels (step, agent, variable), so every random choice of
 * a run is a pure function of the run's seed. Depends on node-core's hashing only.
 */
package io.aurelius.worldmodel.seed;

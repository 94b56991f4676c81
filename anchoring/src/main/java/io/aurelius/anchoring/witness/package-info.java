/**
 * A C2SP tlog-witness: {@code Witness} cosigns a checkpoint only if a consistency proof from the
 * largest checkpoint it cosigned of that origin verifies, refuses rollbacks and forks, and keeps
 * that checkpoint per origin in {@code CosignedCheckpoints}, one owner-only file replaced
 * atomically before a cosignature is given. Depends on {@code note} (checkpoints, cosignatures) and
 * {@code merkle} (the proof check); the validator's cosign route depends on it.
 */
package io.aurelius.anchoring.witness;

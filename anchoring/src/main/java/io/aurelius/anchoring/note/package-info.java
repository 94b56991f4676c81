/**
 * C2SP signed notes (v1.0.0), tlog-checkpoint bodies, Ed25519 note signatures and tlog-cosignature
 * (type 04) cosignatures, verifier-key strings, and the stake-weighted witness quorum. Depends on
 * node-core's crypto and hash packages only; the log, covenant and verification packages use it.
 */
package io.aurelius.anchoring.note;

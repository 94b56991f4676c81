/**
 * C2SP signed notes (v1.0.0), tlog-checkpoint bodies, Ed25519 note signatures and tlog-cosignature
 * (type 04) cosignatures, verifier-key strings, the stake-weighted witness quorum, and the
 * statement by which a hotkey names its cosignature key. Depends on node-core's crypto, hash,
 * identity and json packages only; the log, covenant and verification packages use it.
 */
package io.aurelius.anchoring.note;

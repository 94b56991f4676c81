/**
 * Anchoring: the RFC 6962 Merkle tree, the corpus and covenant logs kept in git, signed and
 * co-signed checkpoints, OpenTimestamps proofs, burn records and whole-log verification. Depends on
 * node-core (hashing, canonical JSON, Ed25519) and, for git only, on JGit; it knows nothing of
 * scenarios or LLMs. Sub-packages are the parts; this package holds nothing else.
 */
package io.aurelius.anchoring;

/**
 * RFC 6962 / RFC 9162 Merkle trees: leaf and node hashing, roots of any size, inclusion and
 * consistency proofs (generation from any store of complete-subtree hashes, and verification).
 * Depends on the JDK only; everything else in anchoring may use it.
 */
package io.aurelius.anchoring.merkle;

/**
 * Cryptographic primitives: Ed25519 keys and signatures with the node's one strict
 * verification rule, BLAKE2b, the scrypt key derivation function and the ChaCha20-Poly1305
 * AEAD. This is the only package that imports BouncyCastle; everything else speaks in
 * {@link io.aurelius.core.crypto.Ed25519PublicKey} and friends. It depends on nothing else in
 * the project.
 */
package io.aurelius.core.crypto;

/**
 * Cryptographic primitives: Ed25519 keys and signatures with the node's one strict
 * verification rule, BLAKE2b, the scrypt key derivation function and the ChaCha20-Poly1305
 * AEAD.
 *
 * <p>The signing seam: a {@link io.aurelius.core.crypto.KeyScheme} (a closed set, Ed25519
 * today), a {@link io.aurelius.core.crypto.Signer} (scheme, public key, {@code sign}; the
 * private key stays inside), a {@link io.aurelius.core.crypto.VerifyingKey} and one
 * {@link io.aurelius.core.crypto.Verifier} per scheme with that scheme's strict rule. Code
 * that signs or checks signatures without a format of its own (chain, protocol) speaks in
 * these; {@link io.aurelius.core.crypto.Ed25519KeyPair} is the Ed25519 signer. This is the only package that imports BouncyCastle; everything else speaks in
 * {@link io.aurelius.core.crypto.Ed25519PublicKey} and friends. It depends on nothing else in
 * the project.
 */
package io.aurelius.core.crypto;

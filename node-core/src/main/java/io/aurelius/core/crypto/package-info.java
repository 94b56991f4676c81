/**
 * Cryptographic primitives: Ed25519 keys and signatures with the node's one strict verification
 * rule, sr25519 (schnorrkel) keys and signatures ({@link io.aurelius.core.crypto.sr25519}),
 * BLAKE2b, the scrypt key derivation function and the ChaCha20-Poly1305 AEAD, and what Bittensor
 * wallet files need: NaCl secretbox (XSalsa20-Poly1305), Argon2i, PBKDF2, and decrypt-only Fernet
 * and Ansible Vault.
 *
 * <p>The signing seam: a {@link io.aurelius.core.crypto.KeyScheme} (a closed set: Ed25519 and
 * sr25519), a {@link io.aurelius.core.crypto.Signer} (scheme, public key, {@code sign}; the private
 * key stays inside), a {@link io.aurelius.core.crypto.VerifyingKey} and one {@link
 * io.aurelius.core.crypto.Verifier} per scheme with that scheme's strict rule. Code that signs or
 * checks signatures without a format of its own (chain, protocol) speaks in these; {@link
 * io.aurelius.core.crypto.Ed25519KeyPair} is the Ed25519 signer, {@link
 * io.aurelius.core.crypto.Sr25519KeyPair} the sr25519 one. This package and its subpackage are the
 * only ones that import BouncyCastle, and the subpackage {@code sr25519} the only one that imports
 * curve25519-elisabeth (Ristretto255); everything else speaks in {@link
 * io.aurelius.core.crypto.Ed25519PublicKey} and friends. It depends on nothing else in the project.
 */
package io.aurelius.core.crypto;

package io.aurelius.core.crypto;

/**
 * A public key of some {@link KeyScheme}: what a {@link Signer} shows and a {@link Verifier} checks
 * against. Implementations are immutable and compare equal by scheme and encoding. {@link
 * Ed25519PublicKey} and {@link Sr25519PublicKey} are the implementations.
 */
public interface VerifyingKey {
  KeyScheme scheme();

  /** The scheme's encoding of the key (32 bytes for Ed25519 and sr25519), a copy. */
  byte[] bytes();

  /** Lowercase hex of {@link #bytes()}. */
  String hex();
}

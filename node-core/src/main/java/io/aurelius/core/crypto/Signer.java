package io.aurelius.core.crypto;

/**
 * A private key that signs, seen only through what it signs: its scheme, its public key and {@link
 * #sign}. The private key never leaves it, so code that only signs (the chain's extrinsics, the
 * protocol's envelopes, documents) takes a {@code Signer} and works with any {@link KeyScheme}.
 * {@link Ed25519KeyPair} is the Ed25519 signer and {@link Sr25519KeyPair} the sr25519 one (whose
 * signatures are randomized: signing one message twice gives two valid signatures).
 */
public interface Signer {
  /** The scheme of this key; the same as {@code publicKey().scheme()}. */
  default KeyScheme scheme() {
    return publicKey().scheme();
  }

  VerifyingKey publicKey();

  /** Signs {@code message} under {@link #scheme()}; the signature's length is the scheme's. */
  byte[] sign(byte[] message);
}

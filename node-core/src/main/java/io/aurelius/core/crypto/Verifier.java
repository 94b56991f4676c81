package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

/**
 * Checks signatures of one {@link KeyScheme} under that scheme's one strict rule (for Ed25519,
 * {@link Ed25519#verify}). Get it with {@link #of} or {@link KeyScheme#verifier()}. A verifier
 * answers yes or no: a key of another scheme or of the wrong length, a malformed signature or a
 * signature that does not hold are all {@code false}, never an exception.
 */
public interface Verifier {
  KeyScheme scheme();

  /** Verifies {@code signature} over {@code message} by the key encoded as {@code publicKey}. */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature);

  /**
   * Verifies against a decoded key; {@code false} if the key is of another scheme. The Ed25519
   * verifier uses the key's cached curve point here, so a key verified often is decoded once.
   */
  default boolean verify(VerifyingKey publicKey, byte[] message, byte[] signature) {
    requireNonNull(publicKey, "publicKey");
    return publicKey.scheme() == scheme() && verify(publicKey.bytes(), message, signature);
  }

  /** The verifier of {@code scheme}. */
  static Verifier of(KeyScheme scheme) {
    return requireNonNull(scheme, "scheme").verifier();
  }
}

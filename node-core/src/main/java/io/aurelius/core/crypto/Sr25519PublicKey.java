package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.sr25519.Sr25519;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte sr25519 public key: a compressed Ristretto255 point. Immutable. Only the length is
 * checked here; {@link Sr25519#isValidPublicKey} tells a point from noise, and verification rejects
 * a key that is not one.
 */
public final class Sr25519PublicKey implements VerifyingKey {
  public static final int LENGTH = Sr25519.PUBLIC_KEY_LENGTH;
  private final byte[] encoded;

  private Sr25519PublicKey(byte[] encoded) {
    this.encoded = encoded;
  }

  public static Sr25519PublicKey fromBytes(byte[] encoded) {
    requireNonNull(encoded, "encoded");
    if (encoded.length != LENGTH) {
      throw new IllegalArgumentException(
          "sr25519 public key: " + encoded.length + " bytes (expected: " + LENGTH + ")");
    }
    return new Sr25519PublicKey(encoded.clone());
  }

  @Override
  public KeyScheme scheme() {
    return KeyScheme.SR25519;
  }

  @Override
  public byte[] bytes() {
    return encoded.clone();
  }

  @Override
  public String hex() {
    return HexFormat.of().formatHex(encoded);
  }

  /** Verifies under Substrate's {@code substrate} context; see {@link Sr25519#verify}. */
  public boolean verify(byte[] message, byte[] signature) {
    return Sr25519.verify(encoded, message, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sr25519PublicKey other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Sr25519PublicKey[" + hex() + "]";
  }
}

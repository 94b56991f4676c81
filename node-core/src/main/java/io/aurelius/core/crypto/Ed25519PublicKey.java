package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** A 32-byte Ed25519 public key in its RFC 8032 encoding. Immutable. */
public final class Ed25519PublicKey implements VerifyingKey {
  public static final int LENGTH = 32;
  private final byte[] encoded;

  /** The decoded point, computed on first verify: decoding costs a square root per call. */
  private volatile Optional<org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint> point;

  private Ed25519PublicKey(byte[] encoded) {
    this.encoded = encoded;
  }

  public static Ed25519PublicKey fromBytes(byte[] encoded) {
    requireNonNull(encoded, "encoded");
    if (encoded.length != LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 public key: " + encoded.length + " bytes (expected: " + LENGTH + ")");
    }
    return new Ed25519PublicKey(encoded.clone());
  }

  public static Ed25519PublicKey fromHex(String hex) {
    requireNonNull(hex, "hex");
    if (!hex.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(
          "Ed25519 public key: '" + abbreviate(hex) + "' (expected: 64 hex digits)");
    }
    return new Ed25519PublicKey(HexFormat.of().parseHex(hex));
  }

  @Override
  public KeyScheme scheme() {
    return KeyScheme.ED25519;
  }

  @Override
  public byte[] bytes() {
    return encoded.clone();
  }

  @Override
  public String hex() {
    return HexFormat.of().formatHex(encoded);
  }

  /** Verifies under the node's one strict rule; see {@link Ed25519#verify}. */
  public boolean verify(byte[] message, byte[] signature) {
    return Ed25519.verify(this, message, signature);
  }

  /** The decoded point; empty when the encoding is not a canonical curve point. */
  Optional<org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint> point() {
    Optional<org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint> decoded = point;
    if (decoded == null) {
      decoded =
          Optional.ofNullable(
              org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(encoded, 0));
      point = decoded;
    }
    return decoded;
  }

  /** The encoding itself, not a copy, for verification inside this package. */
  byte[] encodedUnsafe() {
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + hex() + "]";
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}

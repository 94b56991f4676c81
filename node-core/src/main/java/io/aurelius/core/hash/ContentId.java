package io.aurelius.core.hash;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of an object's canonical bytes, written as 64 lowercase hex digits. Equal content
 * always has an equal id, on every node.
 */
public final class ContentId implements Comparable<ContentId> {
  private static final HexFormat HEX = HexFormat.of();
  private final byte[] digest;

  private ContentId(byte[] digest) {
    this.digest = digest;
  }

  /** The id of the given canonical bytes. */
  public static ContentId of(byte[] canonicalBytes) {
    requireNonNull(canonicalBytes, "canonicalBytes");
    return new ContentId(Sha256.digest(canonicalBytes));
  }

  public static ContentId fromDigest(byte[] digest) {
    requireNonNull(digest, "digest");
    if (digest.length != Sha256.LENGTH) {
      throw new IllegalArgumentException(
          "content id: " + digest.length + " bytes (expected: " + Sha256.LENGTH + ")");
    }
    return new ContentId(digest.clone());
  }

  /** Parses 64 lowercase hex digits; anything else is an {@link IllegalArgumentException}. */
  public static ContentId parse(String hex) {
    requireNonNull(hex, "hex");
    if (!LowerHex.isLowerHex(hex, 2 * Sha256.LENGTH)) {
      String shown = hex.length() > 80 ? hex.substring(0, 80) + "…" : hex;
      throw new IllegalArgumentException(
          "content id: '" + shown + "' (expected: 64 lowercase hex digits)");
    }
    return new ContentId(HEX.parseHex(hex));
  }

  public byte[] digest() {
    return digest.clone();
  }

  public String hex() {
    return HEX.formatHex(digest);
  }

  /** The first 12 hex digits, for logs and tables. */
  public String shortHex() {
    return hex().substring(0, 12);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentId other && Arrays.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public int compareTo(ContentId o) {
    return Arrays.compareUnsigned(digest, o.digest);
  }

  @Override
  public String toString() {
    return hex();
  }
}

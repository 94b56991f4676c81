package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** The common part of the byte secrets of {@link SecretMaterial}. */
abstract class SecretBytes {
  private final byte[] bytes;
  private boolean destroyed;

  SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of the secret bytes. */
  public byte[] bytes() {
    check(destroyed);
    return bytes.clone();
  }

  /** {@code 0x} and lower-case hex, as keyfiles write it. */
  String hex() {
    check(destroyed);
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && MessageDigest.isEqual(bytes, ((SecretBytes) o).bytes);
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  static byte[] copyOfLength(String what, byte[] bytes, int length) {
    requireNonNull(bytes, what);
    if (bytes.length != length) {
      throw new IllegalArgumentException(
          what + ": " + bytes.length + " bytes (expected: " + length + ")");
    }
    return bytes.clone();
  }

  static void check(boolean destroyed) {
    if (destroyed) {
      throw new IllegalStateException("secret material was destroyed");
    }
  }
}

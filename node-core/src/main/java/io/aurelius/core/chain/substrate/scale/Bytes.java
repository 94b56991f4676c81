package io.aurelius.core.chain.substrate.scale;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string (a storage key, a constant's value, a decoded {@code [u8; N]}). */
public final class Bytes {
  private static final HexFormat HEX = HexFormat.of();
  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Bytes of(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** Hex with or without a {@code 0x} prefix, either case. */
  public static Bytes fromHex(String hex) {
    requireNonNull(hex, "hex");
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException(
          "hex: " + digits.length() + " digits (expected: an even number)");
    }
    try {
      return new Bytes(HEX.parseHex(digits));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hex: not hexadecimal (expected: [0-9a-fA-F]*)", e);
    }
  }

  static Bytes wrap(byte[] owned) {
    return new Bytes(owned);
  }

  public int length() {
    return bytes.length;
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** Lowercase hex without a prefix. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  /** Lowercase hex with the {@code 0x} prefix JSON-RPC uses. */
  public String toPrefixedHex() {
    return "0x" + hex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toPrefixedHex();
  }
}

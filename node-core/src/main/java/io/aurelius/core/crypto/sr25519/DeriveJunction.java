package io.aurelius.core.crypto.sr25519;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * One step of a Substrate derivation path: {@code //name} is hard, {@code /name} is soft
 * (polkadot-sdk {@code sp_core::crypto::DeriveJunction}). The chain code is the SCALE encoding of
 * the name, zero-padded to 32 bytes, or its BLAKE2b-256 if longer; a name that parses as an
 * unsigned 64-bit decimal is encoded as that number (8 bytes, little-endian), anything else as a
 * string (compact length ‖ UTF-8).
 */
public record DeriveJunction(boolean hard, byte[] chainCode) {
  public DeriveJunction {
    Sr25519.checkChainCode(chainCode);
    chainCode = chainCode.clone();
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  public static DeriveJunction hard(String name) {
    return new DeriveJunction(true, chainCodeOf(name));
  }

  public static DeriveJunction soft(String name) {
    return new DeriveJunction(false, chainCodeOf(name));
  }

  /**
   * Parses a path such as {@code //Alice/0//stash} into its junctions; an empty path has none. A
   * path that does not start with {@code /} or has an empty junction is an {@link
   * IllegalArgumentException}. A {@code ///password} suffix is not part of a path.
   */
  public static List<DeriveJunction> parsePath(String path) {
    requireNonNull(path, "path");
    List<DeriveJunction> junctions = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      if (path.charAt(i) != '/') {
        throw new IllegalArgumentException(
            "derivation path '" + path + "': expected '/' at index " + i);
      }
      boolean hard = i + 1 < path.length() && path.charAt(i + 1) == '/';
      int start = i + (hard ? 2 : 1);
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      if (end == start) {
        throw new IllegalArgumentException(
            "derivation path '" + path + "': empty junction at index " + i);
      }
      String name = path.substring(start, end);
      junctions.add(hard ? hard(name) : soft(name));
      i = end;
    }
    return List.copyOf(junctions);
  }

  /** The chain code of junction name {@code name}, as Substrate's {@code From<&str>} gives it. */
  static byte[] chainCodeOf(String name) {
    requireNonNull(name, "name");
    byte[] encoded;
    try {
      long n = Long.parseUnsignedLong(name);
      encoded = new byte[8];
      for (int b = 0; b < 8; b++) {
        encoded[b] = (byte) (n >>> (8 * b));
      }
    } catch (NumberFormatException notANumber) {
      encoded = scaleString(name);
    }
    if (encoded.length > Sr25519.CHAIN_CODE_LENGTH) {
      Blake2bDigest blake = new Blake2bDigest(256);
      blake.update(encoded, 0, encoded.length);
      byte[] out = new byte[Sr25519.CHAIN_CODE_LENGTH];
      blake.doFinal(out, 0);
      return out;
    }
    return Arrays.copyOf(encoded, Sr25519.CHAIN_CODE_LENGTH);
  }

  /** SCALE {@code String}: compact-encoded byte length, then the UTF-8 bytes. */
  static byte[] scaleString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 5);
    int n = utf8.length;
    if (n < 1 << 6) {
      out.write(n << 2);
    } else if (n < 1 << 14) {
      int v = (n << 2) | 1;
      out.write(v);
      out.write(v >>> 8);
    } else if (n < 1 << 30) {
      int v = (n << 2) | 2;
      for (int b = 0; b < 4; b++) {
        out.write(v >>> (8 * b));
      }
    } else {
      out.write(3); // big-integer mode: (4 − 4) << 2 | 3, then four bytes
      for (int b = 0; b < 4; b++) {
        out.write(n >>> (8 * b));
      }
    }
    out.writeBytes(utf8);
    return out.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeriveJunction other
        && hard == other.hard
        && Arrays.equals(chainCode, other.chainCode);
  }

  @Override
  public int hashCode() {
    return 31 * Boolean.hashCode(hard) + Arrays.hashCode(chainCode);
  }

  @Override
  public String toString() {
    return (hard ? "//" : "/") + "0x" + HexFormat.of().formatHex(chainCode);
  }
}

package io.aurelius.core.chain.extrinsic;

import io.aurelius.core.hash.LowerHex;
import java.util.HexFormat;

/** Lower-case hex fields of extrinsics: fixed lengths, checked on construction. */
final class Hex {
  private Hex() {}

  static String checkSignature(String field, String hex) {
    return check(field, hex, 64);
  }

  static String check(String field, String hex, int bytes) {
    if (hex == null || !LowerHex.isLowerHex(hex, bytes * 2)) {
      String shown = hex == null ? "null" : hex.length() > 40 ? hex.substring(0, 40) + "…" : hex;
      throw new IllegalArgumentException(
          field + ": '" + shown + "' (expected: " + bytes * 2 + " lower-case hex digits)");
    }
    return hex;
  }

  static byte[] decode(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static String encode(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}

package io.aurelius.core.identity;

import java.math.BigInteger;
import java.util.Arrays;

/** Bitcoin's Base58 alphabet, as SS58 addresses use it. */
final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58() {}

  static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    StringBuilder out = new StringBuilder();
    BigInteger n = new BigInteger(1, data);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    out.append("1".repeat(zeros));
    return out.reverse().toString();
  }

  /** Decodes, or throws {@link IllegalArgumentException} naming the first bad character. */
  static byte[] decode(String s) {
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < s.length(); i++) {
      int digit = ALPHABET.indexOf(s.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException(
            "character '"
                + s.charAt(i)
                + "' at position "
                + (i + 1)
                + " is not Base58 (expected one of "
                + ALPHABET
                + ")");
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] body = n.toByteArray();
    int skip = body.length > 1 && body[0] == 0 ? 1 : 0;
    if (n.signum() == 0) {
      body = new byte[0];
      skip = 0;
    }
    byte[] out = new byte[zeros + body.length - skip];
    System.arraycopy(body, skip, out, zeros, body.length - skip);
    return Arrays.copyOf(out, out.length);
  }
}

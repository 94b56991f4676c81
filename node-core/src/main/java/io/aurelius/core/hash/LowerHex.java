package io.aurelius.core.hash;

/**
 * Lower-case hexadecimal text, the one form digests, signatures and ids take on the wire and in
 * files. A hand loop: these checks run on every signed call, where a regex would be compiled or
 * matched each time.
 */
public final class LowerHex {
  private LowerHex() {}

  /** True if {@code s} is exactly {@code length} characters of {@code [0-9a-f]}. */
  public static boolean isLowerHex(CharSequence s, int length) {
    return s.length() == length && isLowerHex(s, 0, length);
  }

  /** True if every character of {@code s} in {@code [from, to)} is one of {@code [0-9a-f]}. */
  public static boolean isLowerHex(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isLowerHexDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}

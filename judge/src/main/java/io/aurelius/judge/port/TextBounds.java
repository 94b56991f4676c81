package io.aurelius.judge.port;

import static java.util.Objects.requireNonNull;

/**
 * Makes miner-influenced text safe to hand to a judge: unpaired surrogates become U+FFFD, control
 * characters other than newline and tab are dropped, and the length is capped (a 1 MB aene is cut,
 * and the cut is recorded by the caller).
 */
public final class TextBounds {
  private TextBounds() {}

  /** The cleaned text, at most {@code maxChars} UTF-16 units, never splitting a pair. */
  public static String clean(String text, int maxChars) {
    requireNonNull(text, "text");
    int limit = Math.min(text.length(), maxChars);
    StringBuilder out = new StringBuilder(limit);
    for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          if (out.length() + 2 > maxChars) {
            break;
          }
          out.append(c).append(text.charAt(++i));
        } else {
          out.append('\uFFFD');
        }
      } else if (Character.isLowSurrogate(c)) {
        out.append('\uFFFD');
      } else if (c == '\n' || c == '\t') {
        out.append(c);
      } else if (c == '\r') {
        out.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** True if {@link #clean} would cut the text. */
  public static boolean exceeds(String text, int maxChars) {
    return text.length() > maxChars;
  }
}

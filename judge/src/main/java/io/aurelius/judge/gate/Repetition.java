package io.aurelius.judge.gate;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How much of a configuration's prose repeats itself: the share of its sentences (of at least
 * {@value #MIN_CHARS} characters, compared case- and space-insensitively) that are copies of an
 * earlier one. Written scenarios do not repeat whole sentences; padding does.
 */
public final class Repetition {
  static final int MIN_CHARS = 20;

  private Repetition() {}

  public static double share(String text) {
    requireNonNull(text, "text");
    Set<String> seen = new HashSet<>();
    int sentences = 0;
    int repeated = 0;
    for (String s : text.split("(?<=[.!?])\\s+|\\n+")) {
      String n = s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (n.length() < MIN_CHARS) {
        continue;
      }
      sentences++;
      if (!seen.add(n)) {
        repeated++;
      }
    }
    return sentences == 0 ? 0 : (double) repeated / sentences;
  }
}

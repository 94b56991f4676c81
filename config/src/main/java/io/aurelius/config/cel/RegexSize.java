package io.aurelius.config.cel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Estimates, from the text alone, how many instructions RE2 will compile a pattern to, so a pattern
 * like {@code ((a{100}){100}){100}} (a million instructions, gigabytes of memory) is refused before
 * it is compiled. RE2 expands a counted repetition {@code x{n,m}} into {@code m} copies of {@code
 * x} plus {@code m-n} choices, so sizes multiply through nested repetitions; the estimate follows
 * the same arithmetic (an atom is one instruction, a group two more, each {@code |}, {@code *},
 * {@code +} and {@code ?} one more) and saturates instead of overflowing. It is close to, and for
 * the repetitions that matter not below, re2j's {@code programSize()}; the exact size is checked
 * after compiling.
 */
final class RegexSize {
  /** Larger than any size that is checked; the estimate stops growing here. */
  static final long SATURATED = 1L << 40;

  private RegexSize() {}

  static long estimate(String pattern) {
    Deque<Frame> frames = new ArrayDeque<>();
    Frame frame = new Frame();
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 < n && pattern.charAt(i + 1) == 'Q') {
            int end = pattern.indexOf("\\E", i + 2);
            int stop = end < 0 ? n : end;
            for (int k = i + 2; k < stop; k++) {
              frame.atom(1);
            }
            i = end < 0 ? n : end + 2;
          } else {
            frame.atom(1);
            i = escapeEnd(pattern, i);
          }
        }
        case '[' -> {
          frame.atom(1);
          i = classEnd(pattern, i);
        }
        case '(' -> {
          frames.push(frame);
          frame = new Frame();
          i++;
        }
        case ')' -> {
          long group = frame.total() + 2;
          frame = frames.isEmpty() ? new Frame() : frames.pop();
          frame.atom(group);
          i++;
        }
        case '|' -> {
          frame.alternative();
          i++;
        }
        case '*', '+', '?' -> {
          frame.loop();
          i++;
        }
        case '{' -> {
          int[] counts = new int[2];
          int end = counted(pattern, i, counts);
          if (end < 0) {
            frame.atom(1);
            i++;
          } else {
            frame.repeat(counts[0], counts[1]);
            i = end;
          }
        }
        default -> {
          frame.atom(1);
          i += Character.charCount(pattern.codePointAt(i));
        }
      }
    }
    while (!frames.isEmpty()) {
      long group = frame.total() + 2;
      frame = frames.pop();
      frame.atom(group);
    }
    return saturate(frame.total() + 2);
  }

  /** One level of grouping: the finished atoms, and the last one, which a quantifier applies to. */
  private static final class Frame {
    private long done;
    private long last;

    void atom(long size) {
      done = saturate(done + last);
      last = size;
    }

    void alternative() {
      done = saturate(done + last + 1);
      last = 0;
    }

    /** {@code x*}, {@code x+}, {@code x?}: one choice around {@code x}. */
    void loop() {
      last = saturate(last + 1);
    }

    /**
     * {@code x{min,max}}: {@code max} copies and {@code max-min} choices ({@code max < 0}: no upper
     * bound, {@code min} copies and a loop).
     */
    void repeat(int min, int max) {
      long copies = max < 0 ? Math.max(min, 1) : Math.max(max, 1);
      long choices = max < 0 ? 1 : Math.max(max - min, 0);
      last = saturate(multiply(last, copies) + choices);
    }

    long total() {
      return saturate(done + last);
    }
  }

  private static long multiply(long a, long b) {
    return a != 0 && b > SATURATED / a ? SATURATED : a * b;
  }

  private static long saturate(long v) {
    return Math.min(v, SATURATED);
  }

  /** The index after an escape starting at {@code i}: {@code \x{...}}, {@code \p{...}} or two. */
  private static int escapeEnd(String p, int i) {
    if (i + 2 < p.length() && "xpP".indexOf(p.charAt(i + 1)) >= 0 && p.charAt(i + 2) == '{') {
      int close = p.indexOf('}', i + 3);
      return close < 0 ? p.length() : close + 1;
    }
    return Math.min(i + 2, p.length());
  }

  /** The index after a character class starting at {@code i}; a leading {@code ]} is literal. */
  private static int classEnd(String p, int i) {
    int k = i + 1;
    if (k < p.length() && p.charAt(k) == '^') {
      k++;
    }
    if (k < p.length() && p.charAt(k) == ']') {
      k++;
    }
    while (k < p.length()) {
      char c = p.charAt(k);
      if (c == '\\') {
        k = escapeEnd(p, k);
      } else if (c == '[' && k + 1 < p.length() && p.charAt(k + 1) == ':') {
        int close = p.indexOf(":]", k + 2);
        k = close < 0 ? k + 1 : close + 2;
      } else if (c == ']') {
        return k + 1;
      } else {
        k++;
      }
    }
    return p.length();
  }

  /**
   * Reads {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i} into {@code counts} (max -1 for
   * none) and returns the index after it, or -1 when the brace is a literal, as RE2 reads it.
   */
  private static int counted(String p, int i, int[] counts) {
    int k = i + 1;
    int start = k;
    long min = 0;
    while (k < p.length() && Character.isDigit(p.charAt(k))) {
      min = Math.min(min * 10 + (p.charAt(k) - '0'), Integer.MAX_VALUE);
      k++;
    }
    if (k == start || k >= p.length()) {
      return -1;
    }
    long max = min;
    if (p.charAt(k) == ',') {
      k++;
      int maxStart = k;
      max = 0;
      while (k < p.length() && Character.isDigit(p.charAt(k))) {
        max = Math.min(max * 10 + (p.charAt(k) - '0'), Integer.MAX_VALUE);
        k++;
      }
      if (k == maxStart) {
        max = -1;
      }
    }
    if (k >= p.length() || p.charAt(k) != '}') {
      return -1;
    }
    counts[0] = (int) min;
    counts[1] = (int) max;
    return k + 1;
  }
}

package io.aurelius.judge.prompt;

import static java.util.Objects.requireNonNull;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A random per-call delimiter around aene text (spotlighting, arXiv 2403.14720; random delimiters
 * with the task restated after them, arXiv 2504.18333). The tag is 128 random bits, so text written
 * before the call cannot contain or close it.
 */
public record Fence(String tag) {
  public Fence {
    requireNonNull(tag, "tag");
    if (!tag.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("fence tag: '" + tag + "' (expected: 32 hex digits)");
    }
  }

  /** A fresh fence that does not occur in {@code text}. */
  public static Fence around(String text, RandomGenerator random) {
    requireNonNull(text, "text");
    requireNonNull(random, "random");
    while (true) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      Fence f = new Fence(HexFormat.of().formatHex(bytes));
      if (!text.contains(f.tag())) {
        return f;
      }
    }
  }

  public String open() {
    return "<<<AENE-DATA " + tag + ">>>";
  }

  public String close() {
    return "<<<END-AENE-DATA " + tag + ">>>";
  }

  /** Wraps the text: opening line, the text, closing line. */
  public String wrap(String text) {
    return open() + "\n" + text + "\n" + close();
  }
}

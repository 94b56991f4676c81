package io.aurelius.core.chain;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** What a registered hotkey declares itself to be on an Aurelius subnet. */
public enum Role {
  MINER,
  VALIDATOR;

  /** The lower-case name used on the wire and in files. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String text) {
    requireNonNull(text, "text");
    return switch (text) {
      case "miner" -> MINER;
      case "validator" -> VALIDATOR;
      default ->
          throw new IllegalArgumentException(
              "role '" + shorten(text) + "' (expected: miner or validator)");
    };
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}

package io.aurelius.worldmodel.sim.server;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line: {@code 250ms}, {@code 2s}, {@code 1m}. The unit
 * is required: a bare {@code 5} could be meant as seconds and read as milliseconds.
 */
public final class DurationText {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)(ms|s|m)");

  private DurationText() {}

  /** Parses a duration; {@code what} names it in the error. */
  public static Duration parse(String text, String what) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          what + ": '" + text + "' (expected: a duration with its unit, like 250ms, 2s or 1m)");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    double millis =
        switch (unit) {
          case "s" -> amount * 1000;
          case "m" -> amount * 60_000;
          default -> amount;
        };
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  public static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 && ms > 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}

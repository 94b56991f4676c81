package io.aurelius.worldmodel.sim;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a simulated agent leans. Each persona has a policy lean ({@code greed}: how far up the range
 * of an acquisitive parameter it goes) and an attention profile: the probability that its reasoning
 * dwells on itself, on others, on the tension between them, and on alternatives.
 */
public enum Persona {
  COOPERATIVE(0.25, 0.35, 0.90, 0.55, 0.50),
  SELFISH(0.90, 0.95, 0.25, 0.20, 0.30),
  RECIPROCAL(0.35, 0.60, 0.80, 0.45, 0.50),
  CAUTIOUS(0.20, 0.50, 0.50, 0.40, 0.80),
  ERRATIC(0.50, 0.50, 0.50, 0.50, 0.50);

  final double greed;
  final double attendSelf;
  final double attendOthers;
  final double attendTension;
  final double deliberate;

  Persona(
      double greed,
      double attendSelf,
      double attendOthers,
      double attendTension,
      double deliberate) {
    this.greed = greed;
    this.attendSelf = attendSelf;
    this.attendOthers = attendOthers;
    this.attendTension = attendTension;
    this.deliberate = deliberate;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Persona> parse(String label) {
    requireNonNull(label, "label");
    return Arrays.stream(values())
        .filter(p -> p.label().equals(label.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /**
   * The persona of an agent with no explicit one: fixed by its system message, so one agent keeps
   * its character over a run while different agents differ.
   */
  public static Persona derive(String systemMessage) {
    byte[] d =
        Sha256.digest(
            requireNonNull(systemMessage, "systemMessage").getBytes(StandardCharsets.UTF_8));
    return values()[Math.floorMod(d[0], values().length)];
  }
}

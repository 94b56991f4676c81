package io.aurelius.judge.rubric;

import static java.util.Objects.requireNonNull;

/**
 * One atomic yes/no question about an aene. A positive weight rewards "yes"; a negative weight
 * marks a failure mode, rewarded when the answer is "no" (MoReBench's convention).
 */
public record Criterion(String id, Heuristic heuristic, int weight, String text) {
  public Criterion {
    requireNonNull(id, "id");
    requireNonNull(heuristic, "heuristic");
    requireNonNull(text, "text");
    if (!id.matches("[a-z][a-z0-9_]{1,39}")) {
      throw new IllegalArgumentException(
          "criterion id: '" + id + "' (expected: [a-z][a-z0-9_]{1,39})");
    }
    if (weight == 0 || weight < -3 || weight > 3) {
      throw new IllegalArgumentException(
          "criterion " + id + ": weight " + weight + " (expected: -3..-1 or 1..3)");
    }
  }

  /** What this criterion contributes for the given answer, in weight units (0..|weight|). */
  public int earned(boolean yes) {
    return weight > 0 ? (yes ? weight : 0) : (yes ? 0 : -weight);
  }
}

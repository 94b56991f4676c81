package io.aurelius.judge.ranking;

import static java.util.Objects.requireNonNull;

/**
 * One submission's signals for an epoch.
 *
 * @param id the submitting miner (its hotkey address) or submission id; unique in the epoch
 * @param dlv the configuration's DLV score, in [0, 1]
 * @param novelty in [0, 1]
 * @param efficiency DLV per 1,000 tokens, ≥ 0
 * @param immersion in [0, 1]
 */
public record SubmissionSignals(
    String id, double dlv, double novelty, double efficiency, double immersion) {
  public SubmissionSignals {
    requireNonNull(id, "id");
    if (id.isEmpty() || id.length() > 128) {
      throw new IllegalArgumentException(
          "submission id: " + id.length() + " chars (expected: 1..128)");
    }
    unit(id, "dlv", dlv);
    unit(id, "novelty", novelty);
    unit(id, "immersion", immersion);
    if (!Double.isFinite(efficiency) || efficiency < 0) {
      throw new IllegalArgumentException(
          id + ": efficiency " + efficiency + " (expected: finite, >= 0)");
    }
  }

  /** The objectives, in a fixed order: novelty, efficiency, immersion. */
  double objective(int k) {
    return switch (k) {
      case 0 -> novelty;
      case 1 -> efficiency;
      case 2 -> immersion;
      default -> throw new IllegalArgumentException("objective " + k);
    };
  }

  static final int OBJECTIVES = 3;

  /** True if this is at least as good on every objective and better on one. */
  boolean dominates(SubmissionSignals o) {
    boolean better = false;
    for (int k = 0; k < OBJECTIVES; k++) {
      if (objective(k) < o.objective(k)) {
        return false;
      }
      if (objective(k) > o.objective(k)) {
        better = true;
      }
    }
    return better;
  }

  /** Static: in a compact constructor the {@code id} field is not assigned yet. */
  private static void unit(String id, String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(id + ": " + name + " " + v + " (expected: 0..1)");
    }
  }
}

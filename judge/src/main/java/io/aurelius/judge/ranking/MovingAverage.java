package io.aurelius.judge.ranking;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * Scores smoothed across epochs: s ← α·reward + (1 − α)·s. A submitter absent this epoch has reward
 * 0; one never seen before starts from 0.
 */
public final class MovingAverage {
  private MovingAverage() {}

  public static Map<String, Double> update(
      Map<String, Double> previous, Map<String, Double> rewards, double alpha) {
    requireNonNull(previous, "previous");
    requireNonNull(rewards, "rewards");
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha: " + alpha + " (expected: (0, 1])");
    }
    Map<String, Double> out = new TreeMap<>();
    TreeMap<String, Double> all = new TreeMap<>(previous);
    rewards.keySet().forEach(k -> all.putIfAbsent(k, 0.0));
    all.forEach(
        (id, prev) -> {
          double r = rewards.getOrDefault(id, 0.0);
          if (!Double.isFinite(r) || r < 0 || !Double.isFinite(prev) || prev < 0) {
            throw new IllegalArgumentException(
                id + ": reward " + r + ", previous " + prev + " (expected: finite, >= 0)");
          }
          out.put(id, alpha * r + (1 - alpha) * prev);
        });
    return out;
  }
}

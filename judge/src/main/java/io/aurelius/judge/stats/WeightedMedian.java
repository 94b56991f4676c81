package io.aurelius.judge.stats;

import java.util.Arrays;
import java.util.Comparator;

/** The weighted median: robust to a minority of judges, however extreme their scores. */
public final class WeightedMedian {
  private WeightedMedian() {}

  /**
   * The value at which the cumulative weight first reaches half the total; when it lands exactly on
   * half, the mean of that value and the next (the usual median for equal weights). Non-positive
   * weights are ignored.
   *
   * @throws IllegalArgumentException if no value has a positive weight
   */
  public static double of(double[] values, double[] weights) {
    if (values.length != weights.length) {
      throw new IllegalArgumentException(
          "values and weights: " + values.length + " and " + weights.length + " (expected: equal)");
    }
    Integer[] order = new Integer[values.length];
    double total = 0;
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (weights[i] > 0 && Double.isFinite(weights[i]) && Double.isFinite(values[i])) {
        order[n++] = i;
        total += weights[i];
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("weighted median: no value with a positive weight");
    }
    Integer[] idx = Arrays.copyOf(order, n);
    Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> values[i]).thenComparingInt(i -> i));
    double half = total / 2;
    double cum = 0;
    for (int k = 0; k < n; k++) {
      cum += weights[idx[k]];
      if (Math.abs(cum - half) <= 1e-12 * total && k + 1 < n) {
        return (values[idx[k]] + values[idx[k + 1]]) / 2;
      }
      if (cum > half) {
        return values[idx[k]];
      }
    }
    return values[idx[n - 1]];
  }

  /** The plain median. */
  public static double of(double[] values) {
    double[] w = new double[values.length];
    Arrays.fill(w, 1);
    return of(values, w);
  }
}

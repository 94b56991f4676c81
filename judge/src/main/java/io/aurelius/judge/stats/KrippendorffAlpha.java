package io.aurelius.judge.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Krippendorff's alpha, α = 1 − D_o / D_e, over a units × raters table in which missing ratings are
 * {@code NaN}. Units with fewer than two ratings are not pairable and are left out, as in
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability".
 */
public final class KrippendorffAlpha {
  /** How two values differ. */
  public enum Metric {
    /** δ² = (a − b)²: scores on a scale. */
    INTERVAL,
    /** δ² = 0 if equal, else 1: categories. */
    NOMINAL;

    /** Σ over ordered pairs i ≠ j of δ²(v_i, v_j), in O(m) (interval) or O(m log m). */
    double pairSum(double[] v) {
      int m = v.length;
      if (this == INTERVAL) {
        double mean = 0;
        for (double x : v) {
          mean += x;
        }
        mean /= m;
        double ss = 0;
        for (double x : v) {
          ss += (x - mean) * (x - mean);
        }
        return 2 * m * ss;
      }
      java.util.Map<Double, Integer> counts = new java.util.HashMap<>();
      for (double x : v) {
        counts.merge(x, 1, Integer::sum);
      }
      double same = 0;
      for (int c : counts.values()) {
        same += (double) c * c;
      }
      return (double) m * m - same;
    }
  }

  private KrippendorffAlpha() {}

  /**
   * @param ratings {@code ratings[unit][rater]}, {@code NaN} for missing
   * @return alpha, or empty when it is undefined (fewer than two pairable values, or no variation
   *     at all)
   */
  public static Optional<Double> of(double[][] ratings, Metric metric) {
    List<double[]> units = new ArrayList<>();
    for (double[] row : ratings) {
      List<Double> present = new ArrayList<>();
      for (double v : row) {
        if (!Double.isNaN(v)) {
          present.add(v);
        }
      }
      if (present.size() >= 2) {
        units.add(present.stream().mapToDouble(Double::doubleValue).toArray());
      }
    }
    double n = 0;
    for (double[] u : units) {
      n += u.length;
    }
    if (n < 2) {
      return Optional.empty();
    }
    // Observed disagreement: within units, each ordered pair weighted 1/(m_u − 1).
    double dObserved = 0;
    for (double[] u : units) {
      dObserved += metric.pairSum(u) / (u.length - 1);
    }
    dObserved /= n;
    // Expected disagreement: over all ordered pairs of pairable values.
    double[] all = new double[(int) n];
    int k = 0;
    for (double[] u : units) {
      for (double v : u) {
        all[k++] = v;
      }
    }
    double dExpected = metric.pairSum(all) / (n * (n - 1));
    if (dExpected == 0) {
      return Optional.empty();
    }
    return Optional.of(1 - dObserved / dExpected);
  }
}

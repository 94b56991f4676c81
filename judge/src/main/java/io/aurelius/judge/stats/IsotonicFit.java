package io.aurelius.judge.stats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A monotone non-decreasing map fitted by pool-adjacent-violators, applied by linear interpolation
 * between the fitted knots and held flat beyond them. Used to calibrate a judge's raw scores
 * against labels without assuming any shape beyond "more is more".
 *
 * @param xs knot positions, strictly increasing
 * @param ys fitted values at the knots, non-decreasing
 */
public record IsotonicFit(double[] xs, double[] ys) {
  public IsotonicFit {
    requireNonNull(xs, "xs");
    requireNonNull(ys, "ys");
    xs = xs.clone();
    ys = ys.clone();
    if (xs.length == 0 || xs.length != ys.length) {
      throw new IllegalArgumentException(
          "isotonic fit: "
              + xs.length
              + " knots and "
              + ys.length
              + " values (expected: equal and at least one)");
    }
    for (int i = 0; i < xs.length; i++) {
      if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
        throw new IllegalArgumentException("isotonic fit: knot " + i + " is not finite");
      }
      if (i > 0 && (xs[i] <= xs[i - 1] || ys[i] < ys[i - 1])) {
        throw new IllegalArgumentException("isotonic fit: knot " + i + " breaks monotonicity");
      }
    }
  }

  /** The identity on [0, 1]. */
  public static IsotonicFit identity() {
    return new IsotonicFit(new double[] {0, 1}, new double[] {0, 1});
  }

  /**
   * Fits y ≈ f(x) with f non-decreasing, minimising squared error.
   *
   * @throws IllegalArgumentException if there are no points or the arrays differ in length
   */
  public static IsotonicFit fit(double[] x, double[] y) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException(
          "isotonic fit: "
              + x.length
              + " x and "
              + y.length
              + " y (expected: equal and at least one)");
    }
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
    // Blocks: sum of y, count, and the x range they cover.
    List<double[]> blocks = new ArrayList<>(); // {sumY, count, sumX}
    for (int i : order) {
      blocks.add(new double[] {y[i], 1, x[i]});
      while (blocks.size() > 1) {
        double[] last = blocks.get(blocks.size() - 1);
        double[] prev = blocks.get(blocks.size() - 2);
        if (prev[0] / prev[1] <= last[0] / last[1]) {
          break;
        }
        prev[0] += last[0];
        prev[1] += last[1];
        prev[2] += last[2];
        blocks.remove(blocks.size() - 1);
      }
    }
    // Knots at each block's mean x; merge knots that coincide.
    List<double[]> knots = new ArrayList<>();
    for (double[] b : blocks) {
      double kx = b[2] / b[1];
      double ky = b[0] / b[1];
      if (!knots.isEmpty() && kx <= knots.get(knots.size() - 1)[0]) {
        double[] k = knots.get(knots.size() - 1);
        k[1] = Math.max(k[1], ky);
      } else {
        knots.add(new double[] {kx, ky});
      }
    }
    double[] xs = new double[knots.size()];
    double[] ys = new double[knots.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = knots.get(i)[0];
      ys[i] = i == 0 ? knots.get(i)[1] : Math.max(ys[i - 1], knots.get(i)[1]);
    }
    return new IsotonicFit(xs, ys);
  }

  public double apply(double x) {
    if (Double.isNaN(x)) {
      return ys[0];
    }
    if (x <= xs[0]) {
      return ys[0];
    }
    if (x >= xs[xs.length - 1]) {
      return ys[ys.length - 1];
    }
    int hi = Arrays.binarySearch(xs, x);
    if (hi >= 0) {
      return ys[hi];
    }
    hi = -hi - 1;
    int lo = hi - 1;
    double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
    return ys[lo] + t * (ys[hi] - ys[lo]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IsotonicFit f && Arrays.equals(xs, f.xs) && Arrays.equals(ys, f.ys);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
  }

  @Override
  public String toString() {
    return "IsotonicFit" + Arrays.toString(xs) + "->" + Arrays.toString(ys);
  }
}

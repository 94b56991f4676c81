package io.aurelius.judge.gate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * L2-regularised logistic regression on standardised features, fitted by full-batch gradient
 * descent from zero for a fixed number of steps: no randomness, so the same examples always give
 * the same model, bit for bit.
 *
 * @param mean per feature, subtracted before scaling
 * @param scale per feature, the standard deviation (1 where it is 0)
 * @param weights per standardised feature
 * @param bias the intercept
 */
public record Logistic(double[] mean, double[] scale, double[] weights, double bias) {
  static final int STEPS = 3000;
  static final double RATE = 0.1;

  public Logistic {
    requireNonNull(mean, "mean");
    requireNonNull(scale, "scale");
    requireNonNull(weights, "weights");
    if (mean.length != scale.length || mean.length != weights.length) {
      throw new IllegalArgumentException(
          "logistic model: "
              + mean.length
              + " means, "
              + scale.length
              + " scales, "
              + weights.length
              + " weights (expected: equal)");
    }
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  public int features() {
    return weights.length;
  }

  /** P(GOOD) for a feature vector. */
  public double probability(double[] x) {
    if (x.length != weights.length) {
      throw new IllegalArgumentException(
          "features: " + x.length + " (expected: " + weights.length + ")");
    }
    double z = bias;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * (x[i] - mean[i]) / scale[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * @param good labels, true for GOOD
   * @param lambda L2 penalty on the weights (not the bias), per example
   */
  public static Logistic fit(List<double[]> x, List<Boolean> good, double lambda) {
    requireNonNull(x, "x");
    requireNonNull(good, "good");
    if (x.isEmpty() || x.size() != good.size()) {
      throw new IllegalArgumentException(
          "examples: " + x.size() + " with " + good.size() + " labels (expected: equal, > 0)");
    }
    int n = x.size();
    int d = x.get(0).length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = (x.get(i)[j] - mean[j]) / scale[j];
      }
    }
    // Classes weighted to balance, so the threshold 0.5 means the same whatever the label mix.
    long goods = good.stream().filter(Boolean::booleanValue).count();
    double wGood = goods == 0 ? 0 : n / (2.0 * goods);
    double wBad = goods == n ? 0 : n / (2.0 * (n - goods));
    double[] w = new double[d];
    double b = 0;
    double[] grad = new double[d];
    for (int step = 0; step < STEPS; step++) {
      java.util.Arrays.fill(grad, 0);
      double gb = 0;
      for (int i = 0; i < n; i++) {
        double s = b;
        for (int j = 0; j < d; j++) {
          s += w[j] * z[i][j];
        }
        double p = 1 / (1 + Math.exp(-s));
        boolean y = good.get(i);
        double r = (p - (y ? 1 : 0)) * (y ? wGood : wBad);
        for (int j = 0; j < d; j++) {
          grad[j] += r * z[i][j];
        }
        gb += r;
      }
      for (int j = 0; j < d; j++) {
        w[j] -= RATE * (grad[j] / n + lambda * w[j]);
      }
      b -= RATE * gb / n;
    }
    return new Logistic(mean, scale, w, b);
  }
}

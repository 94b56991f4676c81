package io.aurelius.validator.modules;

import java.util.List;

/**
 * The mean of paired differences (candidate minus current) with a two-sided 95% confidence interval
 * from Student's t. With no spread the interval is the mean. With fewer than two pairs there is no
 * interval at all: it is reported as the mean, but it is neither above nor below zero, so a single
 * pair never decides a trial.
 */
public record Interval(double mean, double low, double high, int n) {
  private static final double[] T95 = {
    Double.NaN,
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042
  };

  public static Interval of(List<Double> differences) {
    int n = differences.size();
    if (n == 0) {
      return new Interval(0, 0, 0, 0);
    }
    double mean = differences.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n < 2) {
      return new Interval(mean, mean, mean, n);
    }
    double ss = 0;
    for (double d : differences) {
      ss += (d - mean) * (d - mean);
    }
    double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    double t = n - 1 < T95.length ? T95[n - 1] : 1.960;
    return new Interval(mean, mean - t * se, mean + t * se, n);
  }

  /** The whole interval is above zero. */
  public boolean above() {
    return n >= 2 && low > 0;
  }

  /** The whole interval is below zero. */
  public boolean below() {
    return n >= 2 && high < 0;
  }
}

package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

/** One measure of a trial: the means under each world model and the paired difference. */
public record TrialRow(Metric metric, double current, double candidate, Interval difference) {
  public TrialRow {
    requireNonNull(metric, "metric");
    requireNonNull(difference, "difference");
  }

  /** The candidate is better, with the whole interval on the better side. */
  public boolean improves() {
    return metric.higherIsBetter() ? difference.above() : difference.below();
  }

  /**
   * The candidate is worse: the whole interval is on the worse side, and beyond the measure's
   * non-inferiority margin ({@link #tolerance()}).
   */
  public boolean worsens() {
    if (metric.higherIsBetter()) {
      return difference.below() && difference.high() < -tolerance();
    }
    return difference.above() && difference.low() > tolerance();
  }

  /** How much worse than the current mean the candidate may be: the margin times that mean. */
  public double tolerance() {
    return metric.margin() * Math.abs(current);
  }

  public String verdict() {
    if (improves()) {
      return "better";
    }
    if (worsens()) {
      return "worse";
    }
    boolean worseSide = metric.higherIsBetter() ? difference.below() : difference.above();
    return worseSide ? "within margin" : "same";
  }
}

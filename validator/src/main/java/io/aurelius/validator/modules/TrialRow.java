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

  /** The candidate is worse, with the whole interval on the worse side. */
  public boolean worsens() {
    return metric.higherIsBetter() ? difference.below() : difference.above();
  }

  public String verdict() {
    return improves() ? "better" : worsens() ? "worse" : "same";
  }
}

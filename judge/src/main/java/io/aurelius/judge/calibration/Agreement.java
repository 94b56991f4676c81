package io.aurelius.judge.calibration;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.stats.IsotonicFit;
import io.aurelius.judge.stats.KrippendorffAlpha;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How well one judge agrees with a person on one heuristic, before and after calibration. "After"
 * is reported twice: in-sample (the fit judged on the labels it was fitted to) and leave-one-out
 * (each label predicted by a fit that did not see it), the honest figure.
 *
 * @param maeBefore mean absolute error of raw scores against the person's level / 5
 * @param alphaBefore Krippendorff's interval alpha between judge and person, raw scores
 */
public record Agreement(
    String judge,
    Heuristic heuristic,
    int labels,
    double maeBefore,
    double maeAfter,
    double maeLeaveOneOut,
    Optional<Double> alphaBefore,
    Optional<Double> alphaAfter,
    Optional<Double> alphaLeaveOneOut) {

  /** Agreement for every judge and heuristic with enough labels, in judge then rubric order. */
  public static List<Agreement> of(List<LabelledAene> labels) {
    requireNonNull(labels, "labels");
    List<Agreement> out = new ArrayList<>();
    for (String judge : Calibration.judges(labels)) {
      for (Heuristic h : Heuristic.values()) {
        List<double[]> xy = Calibration.pairs(labels, judge, h);
        if (xy.size() < Calibration.MIN_LABELS) {
          continue;
        }
        double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = xy.stream().mapToDouble(p -> p[1]).toArray();
        IsotonicFit fit = IsotonicFit.fit(x, y);
        double[] after = new double[x.length];
        double[] loo = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          after[i] = fit.apply(x[i]);
          loo[i] = IsotonicFit.fit(without(x, i), without(y, i)).apply(x[i]);
        }
        out.add(
            new Agreement(
                judge,
                h,
                x.length,
                mae(x, y),
                mae(after, y),
                mae(loo, y),
                alpha(x, y),
                alpha(after, y),
                alpha(loo, y)));
      }
    }
    return out;
  }

  private static double mae(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] - b[i]);
    }
    return s / a.length;
  }

  private static Optional<Double> alpha(double[] judge, double[] person) {
    double[][] table = new double[judge.length][];
    for (int i = 0; i < judge.length; i++) {
      table[i] = new double[] {judge[i], person[i]};
    }
    return KrippendorffAlpha.of(table, KrippendorffAlpha.Metric.INTERVAL);
  }

  private static double[] without(double[] a, int i) {
    double[] out = new double[a.length - 1];
    System.arraycopy(a, 0, out, 0, i);
    System.arraycopy(a, i + 1, out, i, a.length - i - 1);
    return out;
  }
}

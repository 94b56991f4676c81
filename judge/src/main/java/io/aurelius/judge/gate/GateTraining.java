package io.aurelius.judge.gate;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.stats.Auc;
import java.util.ArrayList;
import java.util.List;

/**
 * Fitting the gate and measuring it honestly: stratified k-fold cross-validation (the i-th GOOD and
 * the i-th BAD example, in the order given, go to fold i mod k; no randomness), and evaluation on a
 * held-out set. Refusal is the positive class: precision is the share of refused configurations
 * that are BAD, recall the share of BAD configurations refused.
 */
public final class GateTraining {
  /** L2 penalty per example: strong, since there are far fewer examples than features. */
  public static final double LAMBDA = 0.05;

  private GateTraining() {}

  /** Labelled feature vectors. */
  public record Examples(List<double[]> x, List<Boolean> good) {
    public Examples {
      x = List.copyOf(x);
      good = List.copyOf(good);
      if (x.size() != good.size()) {
        throw new IllegalArgumentException("examples: " + x.size() + " with " + good.size());
      }
    }

    public int size() {
      return x.size();
    }

    public long goods() {
      return good.stream().filter(Boolean::booleanValue).count();
    }
  }

  /**
   * How the gate does at a threshold on examples it was not fitted on.
   *
   * @param auc of P(GOOD), GOOD above BAD
   */
  public record Measured(
      int good, int goodPassed, int bad, int badRefused, double precision, double recall, Auc auc) {
    static Measured of(List<Double> p, List<Boolean> good, double threshold) {
      int g = 0;
      int gp = 0;
      int b = 0;
      int br = 0;
      List<Double> pg = new ArrayList<>();
      List<Double> pb = new ArrayList<>();
      for (int i = 0; i < p.size(); i++) {
        boolean refused = p.get(i) < threshold;
        if (good.get(i)) {
          g++;
          gp += refused ? 0 : 1;
          pg.add(p.get(i));
        } else {
          b++;
          br += refused ? 1 : 0;
          pb.add(p.get(i));
        }
      }
      int refused = (g - gp) + br;
      return new Measured(
          g,
          gp,
          b,
          br,
          refused == 0 ? 1 : (double) br / refused,
          b == 0 ? 0 : (double) br / b,
          Auc.of(pg, pb));
    }
  }

  public static Logistic fit(Examples e) {
    return Logistic.fit(e.x(), e.good(), LAMBDA);
  }

  /** Out-of-fold probabilities of every example, in order. */
  public static List<Double> outOfFold(Examples e, int folds) {
    requireNonNull(e, "examples");
    if (folds < 2 || folds > e.size()) {
      throw new IllegalArgumentException(
          "folds: " + folds + " (expected: 2.." + e.size() + ", the number of examples)");
    }
    int[] fold = new int[e.size()];
    int goods = 0;
    int bads = 0;
    for (int i = 0; i < e.size(); i++) {
      fold[i] = e.good().get(i) ? goods++ % folds : bads++ % folds;
    }
    Double[] p = new Double[e.size()];
    for (int f = 0; f < folds; f++) {
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      for (int i = 0; i < e.size(); i++) {
        if (fold[i] != f) {
          x.add(e.x().get(i));
          y.add(e.good().get(i));
        }
      }
      Logistic m = Logistic.fit(x, y, LAMBDA);
      for (int i = 0; i < e.size(); i++) {
        if (fold[i] == f) {
          p[i] = m.probability(e.x().get(i));
        }
      }
    }
    return List.of(p);
  }

  public static Measured crossValidate(Examples e, int folds, double threshold) {
    return Measured.of(outOfFold(e, folds), e.good(), threshold);
  }

  public static Measured evaluate(Logistic m, Examples e, double threshold) {
    List<Double> p = e.x().stream().map(m::probability).toList();
    return Measured.of(p, e.good(), threshold);
  }
}

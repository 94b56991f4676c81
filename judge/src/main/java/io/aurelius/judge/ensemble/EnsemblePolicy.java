package io.aurelius.judge.ensemble;

/**
 * The ensemble's parameters.
 *
 * @param canaryCeiling a judge whose DLV for any canary reaches this is dropped from the batch; the
 *     DLV threshold of the ranking by default, since a canary must never pass the gate
 * @param disagreement an aene is flagged when its judges' DLV scores span more than this
 * @param learningRate λ in r ← r + λ(agreement − r)
 * @param decay how far an absent judge's reputation moves back toward the prior per batch
 * @param prior the reputation of a judge never seen before
 * @param minWeight the least weight any active judge has in the median, so no judge is silenced by
 *     reputation alone
 * @param injectionPenalty the share of DLV an aene loses when flagged as instruction-like (1 = all)
 */
public record EnsemblePolicy(
    double canaryCeiling,
    double disagreement,
    double learningRate,
    double decay,
    double prior,
    double minWeight,
    double injectionPenalty) {
  public static final EnsemblePolicy DEFAULT =
      new EnsemblePolicy(0.4, 0.35, 0.2, 0.05, 0.5, 0.05, 1.0);

  public EnsemblePolicy {
    check("canaryCeiling", canaryCeiling);
    check("disagreement", disagreement);
    check("learningRate", learningRate);
    check("decay", decay);
    check("prior", prior);
    check("minWeight", minWeight);
    check("injectionPenalty", injectionPenalty);
  }

  public EnsemblePolicy withCanaryCeiling(double c) {
    return new EnsemblePolicy(
        c, disagreement, learningRate, decay, prior, minWeight, injectionPenalty);
  }

  private static void check(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + ": " + v + " (expected: 0..1)");
    }
  }
}

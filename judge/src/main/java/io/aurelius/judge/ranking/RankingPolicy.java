package io.aurelius.judge.ranking;

/**
 * @param dlvThreshold submissions whose DLV is below this get nothing. Default 0.4: SN37's
 *     moral-reasoning judge zeroes any result with a dimension under 0.4 (docs/reference.md §2),
 *     and on this rubric 0.4 sits above what an empty, copied or stuffed turn can earn while an
 *     ordinary grounded turn that names one conflict and one reason clears it
 * @param emaAlpha weight of the new epoch in the moving average (0.1: a submission must hold its
 *     place for several epochs to reach full weight, and one lucky epoch is worth little)
 */
public record RankingPolicy(double dlvThreshold, double emaAlpha) {
  public static final RankingPolicy DEFAULT = new RankingPolicy(0.4, 0.1);

  public RankingPolicy {
    if (!(dlvThreshold >= 0 && dlvThreshold <= 1)) {
      throw new IllegalArgumentException("dlv threshold: " + dlvThreshold + " (expected: 0..1)");
    }
    if (!(emaAlpha > 0 && emaAlpha <= 1)) {
      throw new IllegalArgumentException("ema alpha: " + emaAlpha + " (expected: (0, 1])");
    }
  }
}

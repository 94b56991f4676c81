package io.aurelius.validator.trust;

/**
 * How trust moves and what it is worth in the quorum.
 *
 * @param rate α: trust moves by α·[ln q_v(y) − ln p_m(y)] per decided aene (trust units; reported
 *     in milli-trust, mT)
 * @param decay the share of positive trust lost in an epoch with proposals on which the validator
 *     gave no verdict (negative trust does not fade by staying away)
 * @param weightFloor the least a validator's stake counts in the quorum, as a factor of it
 * @param weightCeiling the most it counts
 */
public record TrustPolicy(double rate, double decay, double weightFloor, double weightCeiling) {
  /** α = 1, 10 % decay, weight factor within [¼, 2]. */
  public static final TrustPolicy DEFAULT = new TrustPolicy(1.0, 0.1, 0.25, 2.0);

  public TrustPolicy {
    if (!(rate > 0 && rate <= 10)) {
      throw new IllegalArgumentException("trust-rate: " + rate + " (expected: 0 < rate <= 10)");
    }
    if (!(decay >= 0 && decay <= 1)) {
      throw new IllegalArgumentException("trust-decay: " + decay + " (expected: 0..1)");
    }
    if (!(weightFloor > 0 && weightFloor <= 1)) {
      throw new IllegalArgumentException(
          "trust-weight-floor: " + weightFloor + " (expected: 0 < floor <= 1)");
    }
    if (!(weightCeiling >= 1 && weightCeiling <= 100)) {
      throw new IllegalArgumentException(
          "trust-weight-ceiling: " + weightCeiling + " (expected: 1..100)");
    }
  }

  /**
   * f(T) = clamp(e^T, floor, ceiling): e^T is the likelihood ratio of the validator's forecasts
   * against the market's over the aenes it judged (at α = 1), so a validator whose forecasts were
   * twice as likely as the market's counts twice its stake. Computed with {@link StrictMath}, so
   * every validator gets the same bits.
   */
  public double factor(double trust) {
    return Math.max(weightFloor, Math.min(weightCeiling, StrictMath.exp(trust)));
  }

  /** {@link #factor} in thousandths, the integer the quorum multiplies stake by. */
  public long factorMilli(double trust) {
    return Math.round(factor(trust) * 1000);
  }
}

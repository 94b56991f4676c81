package io.aurelius.judge.api;

/**
 * A validator's probability that an aene will be accepted into the corpus, from its ensemble's
 * verdict: {@code q = clamp(σ((dlv − θ) / (τ₀ + spread)), ε, 1 − ε)}, where θ is the DLV gate,
 * {@code spread} the range of the judges' own DLVs for the aene (0 with one judge) and σ the
 * logistic function. A DLV at the gate is a coin toss; far above it, with judges that agree, near
 * certain; judges that disagree flatten the forecast toward ½. An aene with instruction-like
 * content or that no judge scored gets ε. So {@code q ≥ ½} exactly when the validator approves.
 * Clamping keeps {@code ln q} finite for the trust update (Proof of Trust's S(q, y) = log q(y)).
 */
public final class AcceptanceForecast {
  /** The clamp: no forecast is more certain than 1 − ε. */
  public static final double EPSILON = 0.01;

  /** The logistic scale with unanimous judges: 0.05 DLV above the gate gives q ≈ 0.73. */
  public static final double SCALE = 0.05;

  private AcceptanceForecast() {}

  /**
   * @param dlv the ensemble's DLV, 0..1
   * @param spread max − min of the judges' DLVs, 0..1
   * @param threshold the DLV gate
   * @param declined flagged instruction-like or unjudged
   */
  public static double of(double dlv, double spread, double threshold, boolean declined) {
    if (declined) {
      return EPSILON;
    }
    double z = (dlv - threshold) / (SCALE + Math.max(0, spread));
    return clamp(1 / (1 + Math.exp(-z)));
  }

  /** {@code p} clamped to [ε, 1 − ε]; NaN is read as ½. */
  public static double clamp(double p) {
    if (Double.isNaN(p)) {
      return 0.5;
    }
    return Math.max(EPSILON, Math.min(1 - EPSILON, p));
  }
}

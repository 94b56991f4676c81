package io.aurelius.core.chain.yuma;

/**
 * The subnet hyperparameters one epoch reads (docs/reference.md §1, defaults in brackets).
 *
 * @param kappa consensus majority, u16 over 65535 [32767]
 * @param bondsPenalty β, u16 over 65535 [65535]
 * @param bondsMovingAverage 0..10^6; α = 1 − this/10^6 [900000, so α = 0.1]
 * @param maxAllowedValidators how many top-stake UIDs get a validator permit [128]
 * @param activityCutoff blocks after the last update a UID still counts as active [5000]
 * @param stakeThreshold stake below this counts as zero [0]
 */
public record YumaParams(
    int kappa,
    int bondsPenalty,
    long bondsMovingAverage,
    int maxAllowedValidators,
    long activityCutoff,
    long stakeThreshold) {
  public static final YumaParams DEFAULTS = new YumaParams(32767, 65535, 900_000, 128, 5000, 0);

  public YumaParams {
    check("kappa", kappa, 0, 65535);
    check("bondsPenalty", bondsPenalty, 0, 65535);
    check("bondsMovingAverage", bondsMovingAverage, 0, 1_000_000);
    check("maxAllowedValidators", maxAllowedValidators, 0, 65535);
    check("activityCutoff", activityCutoff, 0, Long.MAX_VALUE);
    check("stakeThreshold", stakeThreshold, 0, Long.MAX_VALUE);
  }

  private static void check(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + ": " + value + " (expected: " + min + ".." + max + ")");
    }
  }
}

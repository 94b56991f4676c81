package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.yuma.YumaParams;

/**
 * The dev chain's hyperparameters, named as in the genesis file (kebab-case there). Defaults are
 * Subtensor's (docs/reference.md §1) except where a small development network needs otherwise,
 * which the genesis file can always override.
 *
 * @param netuid the subnet id, 1..65535 (0 is Subtensor's root network)
 * @param tempo an epoch runs at block b when (b + netuid + 1) % (tempo + 1) == 0 [360]
 * @param blockIntervalMillis time between blocks [12000]
 * @param immunityPeriod blocks after registration a UID cannot be pruned [4096]
 * @param maxUids subnet size, 1..1024 [256]
 * @param maxValidators validator permits per epoch [128]
 * @param minNonImmuneUids below this many non-immune UIDs, immune ones are pruned instead [10]
 * @param kappa consensus majority over 65535 [32767]
 * @param bondsPenalty β over 65535 [65535]
 * @param bondsMovingAverage over 10^6, α = 1 − this/10^6 [900000]
 * @param activityCutoff blocks after the last update a UID stays active [5000]
 * @param stakeThreshold stake below this counts as zero in Yuma [0]
 * @param weightsRateLimit blocks between weight updates (commits, or sets) [100]
 * @param weightsVersionKey minimum version_key, 0 for any [0]
 * @param minAllowedWeights a validator must weight at least min(this, n) UIDs [1024]
 * @param maxWeightsLimit largest share of one weight, over 65535 [65535]
 * @param commitRevealEnabled weights are committed and revealed, not set [true]
 * @param revealPeriodEpochs a commit is revealed this many epochs later [1]
 * @param weightsMinStake stake a hotkey needs to set weights [0]
 * @param registrationBurn balance burned by a registration [0]
 * @param maxRegistrationsPerBlock registrations accepted per block [3]
 * @param emissionPerEpoch amount issued at each epoch [1000000000]
 * @param ownerCut the owner's share of each epoch's emission, over 65535 [11796]
 */
public record SubnetParams(
    int netuid,
    int tempo,
    long blockIntervalMillis,
    long immunityPeriod,
    int maxUids,
    int maxValidators,
    int minNonImmuneUids,
    int kappa,
    int bondsPenalty,
    long bondsMovingAverage,
    long activityCutoff,
    long stakeThreshold,
    long weightsRateLimit,
    long weightsVersionKey,
    int minAllowedWeights,
    int maxWeightsLimit,
    boolean commitRevealEnabled,
    long revealPeriodEpochs,
    long weightsMinStake,
    long registrationBurn,
    int maxRegistrationsPerBlock,
    long emissionPerEpoch,
    int ownerCut) {
  public static final long MAX_AMOUNT = (1L << 53) - 1;
  public static final int MAX_UIDS_LIMIT = 1024;
  public static final int MAX_TEMPO = 50_400;

  public SubnetParams {
    check("netuid", netuid, 1, 65535);
    check("tempo", tempo, 1, MAX_TEMPO);
    check("block-interval-ms", blockIntervalMillis, 10, 3_600_000);
    check("immunity-period", immunityPeriod, 0, MAX_AMOUNT);
    check("max-uids", maxUids, 1, MAX_UIDS_LIMIT);
    check("max-validators", maxValidators, 1, 65535);
    check("min-non-immune-uids", minNonImmuneUids, 0, 65535);
    check("kappa", kappa, 0, 65535);
    check("bonds-penalty", bondsPenalty, 0, 65535);
    check("bonds-moving-average", bondsMovingAverage, 0, 1_000_000);
    check("activity-cutoff", activityCutoff, 1, MAX_AMOUNT);
    check("stake-threshold", stakeThreshold, 0, MAX_AMOUNT);
    check("weights-rate-limit", weightsRateLimit, 0, MAX_AMOUNT);
    check("weights-version-key", weightsVersionKey, 0, MAX_AMOUNT);
    check("min-allowed-weights", minAllowedWeights, 0, 65535);
    check("max-weights-limit", maxWeightsLimit, 1, 65535);
    check("reveal-period-epochs", revealPeriodEpochs, 1, 1000);
    check("weights-min-stake", weightsMinStake, 0, MAX_AMOUNT);
    check("registration-burn", registrationBurn, 0, MAX_AMOUNT);
    check("max-registrations-per-block", maxRegistrationsPerBlock, 1, 65535);
    check("emission-per-epoch", emissionPerEpoch, 0, MAX_AMOUNT);
    check("owner-cut", ownerCut, 0, 65535);
  }

  /** Subtensor's defaults for a subnet with this netuid. */
  public static SubnetParams defaults(int netuid) {
    return new SubnetParams(
        netuid,
        360,
        12_000,
        4096,
        256,
        128,
        10,
        32767,
        65535,
        900_000,
        5000,
        0,
        100,
        0,
        1024,
        65535,
        true,
        1,
        0,
        0,
        3,
        1_000_000_000L,
        11796);
  }

  public YumaParams yuma() {
    return new YumaParams(
        kappa, bondsPenalty, bondsMovingAverage, maxValidators, activityCutoff, stakeThreshold);
  }

  /** The epoch index of a block (Subtensor's {@code get_epoch_index}). */
  public long epochIndex(long block) {
    return (block + netuid + 1) / (tempo + 1);
  }

  /** Whether an epoch runs at this block (the legacy Subtensor trigger). */
  public boolean isEpochBlock(long block) {
    return block > 0 && (block + netuid + 1) % (tempo + 1) == 0;
  }

  private static void check(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + ": " + value + " (expected: " + min + ".." + max + ")");
    }
  }
}

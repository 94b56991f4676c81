package io.aurelius.core.chain.subtensor;

/**
 * What a validator needs of a subnet's hyperparameters, as Subtensor stores them.
 *
 * @param tempo blocks per epoch minus one
 * @param weightsRateLimit blocks between two weight updates of one hotkey
 * @param commitRevealEnabled whether weights must be committed first
 * @param commitRevealPeriod epochs between commit and reveal
 * @param maxWeightLimitRaw the largest weight one UID may get, a u16 fraction of 65535
 * @param minAllowedWeights the fewest UIDs a weight vector may name
 * @param immunityPeriod blocks after registration during which a UID is not pruned
 */
public record SubnetHyperparameters(
    int tempo,
    long weightsRateLimit,
    boolean commitRevealEnabled,
    long commitRevealPeriod,
    int maxWeightLimitRaw,
    int minAllowedWeights,
    int immunityPeriod) {

  /** The max weight limit as the SDK shows it: the u16 over 65535. */
  public double maxWeightLimit() {
    return Units.u16Fraction(maxWeightLimitRaw);
  }
}

package io.aurelius.core.chain;

/**
 * How a chain accepts weights, so a validator knows whether to set them directly or to commit now
 * and reveal in a later epoch. A Subtensor adapter using the drand timelock (commit-reveal v3)
 * would add its own variant here; the dev chain offers the two below.
 */
public sealed interface WeightSetting {
  /** {@code set_weights} is accepted at most once per {@code rateLimitBlocks}. */
  record Direct(long rateLimitBlocks) implements WeightSetting {}

  /**
   * Weights are committed as a hash (at most once per {@code rateLimitBlocks}) and revealed in
   * epoch {@code commit epoch + revealPeriodEpochs}, after which the commit expires.
   */
  record CommitReveal(long revealPeriodEpochs, long rateLimitBlocks) implements WeightSetting {}
}

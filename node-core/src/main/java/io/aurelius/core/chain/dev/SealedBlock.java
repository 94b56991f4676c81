package io.aurelius.core.chain.dev;

import java.util.Optional;

/**
 * What {@link DevChain#seal} reports: the block written, its extrinsic count and hash, and, if
 * opening the next block ran an epoch, that epoch's summary.
 */
public record SealedBlock(long number, int extrinsics, String hash, Optional<EpochSummary> epoch) {
  /**
   * An epoch that ran at {@code block}: what it paid in all (owner cut included), and how many UIDs
   * there are and hold permits now.
   */
  public record EpochSummary(
      long block, long epoch, long emitted, int validatorPermits, int uids) {}
}

package io.aurelius.miner.intake;

import io.aurelius.config.validation.Limits;

/**
 * A miner's own limits.
 *
 * @param strictLint refuse configurations with opacity-lint findings (validators refuse them too,
 *     so serving them wastes a query); when false they are accepted with warnings
 * @param maxBytes the largest configuration, in canonical JSON bytes without its signature
 */
public record IntakePolicy(boolean strictLint, int maxBytes) {
  public static final IntakePolicy DEFAULT = new IntakePolicy(true, Limits.MAX_DOCUMENT_BYTES);

  public IntakePolicy {
    if (maxBytes < 1 || maxBytes > Limits.MAX_DOCUMENT_BYTES) {
      throw new IllegalArgumentException(
          "max config bytes: " + maxBytes + " (expected: 1.." + Limits.MAX_DOCUMENT_BYTES + ")");
    }
  }
}

package io.aurelius.core.chain.substrate.rpc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits of a client.
 *
 * @param maxMessageBytes the largest WebSocket message (and frame) accepted; metadata V15 of a
 *     Subtensor runtime is a few MiB as hex
 * @param connectTimeout the TCP connect plus WebSocket handshake
 * @param firstBackoff the wait before the second connect attempt, doubled after each failure
 * @param maxBackoff the longest wait between connect attempts
 */
public record RpcSettings(
    int maxMessageBytes, Duration connectTimeout, Duration firstBackoff, Duration maxBackoff) {
  public static final RpcSettings DEFAULTS =
      new RpcSettings(
          64 << 20, Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofSeconds(10));

  public RpcSettings {
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(firstBackoff, "firstBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException(
          "rpc max message bytes: " + maxMessageBytes + " (expected: >= 1024)");
    }
  }

  /** The wait before attempt {@code failures + 1}. */
  Duration backoff(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    long millis = firstBackoff.toMillis() << Math.min(failures - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}

package io.aurelius.core.githttp;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Bounds on one git request.
 *
 * @param maxRequestBytes the largest upload-pack request body, after gzip decoding; a clone or
 *     fetch negotiation of a repository with a few thousand refs stays well below 1 MiB
 * @param idleTimeout how long upload-pack waits on a stalled client read or write before it gives
 *     up (whole seconds, as JGit counts them)
 */
public record GitHttpLimits(int maxRequestBytes, Duration idleTimeout) {
  public static final GitHttpLimits DEFAULTS = new GitHttpLimits(1 << 20, Duration.ofSeconds(60));

  public GitHttpLimits {
    requireNonNull(idleTimeout, "idleTimeout");
    if (maxRequestBytes < 1 || maxRequestBytes > (64 << 20)) {
      throw new IllegalArgumentException(
          "maxRequestBytes: " + maxRequestBytes + " (expected: 1.." + (64 << 20) + ")");
    }
    if (idleTimeout.toSeconds() < 1 || idleTimeout.toSeconds() > 3600) {
      throw new IllegalArgumentException(
          "idleTimeout: " + idleTimeout + " (expected: 1s..1h in whole seconds)");
    }
  }

  int idleTimeoutSeconds() {
    return (int) idleTimeout.toSeconds();
  }
}

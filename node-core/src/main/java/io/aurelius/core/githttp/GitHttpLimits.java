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
 * @param maxHaves {@code have} lines in one upload-pack request (413 beyond). Each costs
 *     upload-pack an object lookup: 20,000 random ones cost about 2.6 s of server time (issue 16).
 *     Stock git sends its haves in rounds that start at 16 and double, and a clone sends none, so
 *     only a fetch into a long unrelated history comes near the bound.
 */
public record GitHttpLimits(int maxRequestBytes, Duration idleTimeout, int maxHaves) {
  public static final GitHttpLimits DEFAULTS =
      new GitHttpLimits(1 << 20, Duration.ofSeconds(60), 2_048);

  /** With the default bound on {@code have} lines. */
  public GitHttpLimits(int maxRequestBytes, Duration idleTimeout) {
    this(maxRequestBytes, idleTimeout, 2_048);
  }

  public GitHttpLimits {
    requireNonNull(idleTimeout, "idleTimeout");
    if (maxHaves < 0) {
      throw new IllegalArgumentException("maxHaves: " + maxHaves + " (expected: >= 0)");
    }
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

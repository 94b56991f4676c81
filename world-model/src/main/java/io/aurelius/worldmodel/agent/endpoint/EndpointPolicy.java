package io.aurelius.worldmodel.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How one endpoint is used: at most {@code maxConcurrency} calls in flight, each bounded by {@code
 * timeout} (enforced by the adapter), up to {@code maxAttempts} tries with exponential backoff from
 * {@code backoffBase} capped at {@code backoffMax} (with jitter), and, once an endpoint has
 * exhausted its tries, {@code cooldown} during which other endpoints are preferred.
 */
public record EndpointPolicy(
    int maxConcurrency,
    Duration timeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Duration cooldown) {
  public static final EndpointPolicy DEFAULT =
      new EndpointPolicy(
          16,
          Duration.ofSeconds(60),
          3,
          Duration.ofMillis(250),
          Duration.ofSeconds(8),
          Duration.ofSeconds(30));

  public EndpointPolicy {
    requireNonNull(timeout, "timeout");
    requireNonNull(backoffBase, "backoffBase");
    requireNonNull(backoffMax, "backoffMax");
    requireNonNull(cooldown, "cooldown");
    if (maxConcurrency < 1 || maxConcurrency > 4096) {
      throw new IllegalArgumentException(
          "maxConcurrency: " + maxConcurrency + " (expected: 1..4096)");
    }
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: 1..20)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: positive)");
    }
  }

  public EndpointPolicy withMaxConcurrency(int n) {
    return new EndpointPolicy(n, timeout, maxAttempts, backoffBase, backoffMax, cooldown);
  }

  public EndpointPolicy withTimeout(Duration t) {
    return new EndpointPolicy(maxConcurrency, t, maxAttempts, backoffBase, backoffMax, cooldown);
  }

  public EndpointPolicy withAttempts(int attempts, Duration base, Duration max) {
    return new EndpointPolicy(maxConcurrency, timeout, attempts, base, max, cooldown);
  }

  public EndpointPolicy withCooldown(Duration c) {
    return new EndpointPolicy(maxConcurrency, timeout, maxAttempts, backoffBase, backoffMax, c);
  }

  /** The pause before try {@code attempt + 1}, given a uniform {@code jitter} in [0, 1). */
  public Duration backoff(int attempt, double jitter) {
    long base = backoffBase.toNanos();
    long nanos = base <= 0 ? 0 : base << Math.min(attempt - 1, 20);
    nanos = Math.min(nanos < 0 ? Long.MAX_VALUE : nanos, backoffMax.toNanos());
    return Duration.ofNanos((long) (nanos * (0.5 + 0.5 * jitter)));
  }
}

package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a sender hotkey, a remote address): {@code burst} requests at once,
 * refilled at {@code perSecond}. One key flooding the node empties only its own bucket. Buckets
 * that have refilled completely carry no information and are dropped by {@link #forgetIdle()}.
 */
public final class TokenBuckets<K> {
  private final double perNano;
  private final double burst;
  private final ProtocolClock clock;
  private final ConcurrentHashMap<K, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBuckets(double perSecond, int burst, ProtocolClock clock) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("perSecond: " + perSecond + " (expected: positive)");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst: " + burst + " (expected: at least 1)");
    }
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.clock = requireNonNull(clock, "clock");
  }

  /** Takes one token for {@code key}; false if its bucket is empty. */
  public boolean tryAcquire(K key) {
    requireNonNull(key, "key");
    long now = clock.monotonicNanos();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.refill(now, perNano, burst);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Seconds until {@code key} has a token again (0 if it has one), for Retry-After. */
  public long secondsUntilToken(K key) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return 0;
    }
    synchronized (bucket) {
      bucket.refill(clock.monotonicNanos(), perNano, burst);
      double missing = 1 - bucket.tokens;
      return missing <= 0 ? 0 : (long) Math.ceil(missing / perNano / 1e9);
    }
  }

  /** Drops buckets that are full again; they would behave exactly like a new bucket. */
  public void forgetIdle() {
    long now = clock.monotonicNanos();
    buckets
        .entrySet()
        .removeIf(
            e -> {
              Bucket b = e.getValue();
              synchronized (b) {
                b.refill(now, perNano, burst);
                return b.tokens >= burst;
              }
            });
  }

  int tracked() {
    return buckets.size();
  }

  private static final class Bucket {
    double tokens;
    long updatedAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedAt = now;
    }

    void refill(long now, double perNano, double burst) {
      long elapsed = now - updatedAt;
      if (elapsed > 0) {
        tokens = Math.min(burst, tokens + elapsed * perNano);
        updatedAt = now;
      }
    }
  }
}

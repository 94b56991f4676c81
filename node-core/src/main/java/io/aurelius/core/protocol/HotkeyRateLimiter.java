package io.aurelius.core.protocol;

import io.aurelius.core.identity.KeyId;

/**
 * A token bucket per sender hotkey ({@link TokenBuckets}): {@code burst} requests at once, refilled
 * at {@code perSecond}. One hotkey flooding the node empties only its own bucket.
 */
public final class HotkeyRateLimiter {
  private final TokenBuckets<KeyId> buckets;

  public HotkeyRateLimiter(double perSecond, int burst, ProtocolClock clock) {
    this.buckets = new TokenBuckets<>(perSecond, burst, clock);
  }

  /** Takes one token for {@code hotkey}; false if its bucket is empty. */
  public boolean tryAcquire(KeyId hotkey) {
    return buckets.tryAcquire(hotkey);
  }

  /** Seconds until {@code hotkey} has a token again (0 if it has one), for Retry-After. */
  public long secondsUntilToken(KeyId hotkey) {
    return buckets.secondsUntilToken(hotkey);
  }

  /** Drops buckets that are full again. */
  public void forgetIdle() {
    buckets.forgetIdle();
  }

  int trackedHotkeys() {
    return buckets.tracked();
  }
}

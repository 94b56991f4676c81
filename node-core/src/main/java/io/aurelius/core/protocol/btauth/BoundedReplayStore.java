package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * An in-process {@link ReplayStore} of at most {@code capacity} pairs. A pair may be forgotten once
 * its nonce is older than {@code retention} (at least the verifier's {@code maxAge}): freshness
 * refuses it then. The store also remembers how far it has forgotten and calls anything at or below
 * that a replay, so a wall clock that steps back cannot revive a forgotten nonce.
 */
public final class BoundedReplayStore implements ReplayStore {
  private record Entry(String hotkey, long nonce) {}

  private final long retentionNanos;
  private final int capacity;
  private final Set<Entry> seen = new HashSet<>();
  private final PriorityQueue<Entry> byNonce =
      new PriorityQueue<>((a, b) -> Long.compare(a.nonce, b.nonce));
  private long forgottenUpTo = Long.MIN_VALUE;

  public BoundedReplayStore(Duration retention, int capacity) {
    requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention: " + retention + " (expected: positive)");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: at least 1)");
    }
    this.retentionNanos = retention.toNanos();
    this.capacity = capacity;
  }

  public Duration retention() {
    return Duration.ofNanos(retentionNanos);
  }

  @Override
  public synchronized Outcome record(String hotkey, long nonce, long nowNanos) {
    requireNonNull(hotkey, "hotkey");
    long horizon = nowNanos - retentionNanos;
    while (!byNonce.isEmpty() && byNonce.peek().nonce < horizon) {
      Entry old = byNonce.poll();
      seen.remove(old);
      forgottenUpTo = Math.max(forgottenUpTo, old.nonce);
    }
    if (nonce <= forgottenUpTo) {
      return Outcome.REPLAYED;
    }
    Entry entry = new Entry(hotkey, nonce);
    if (seen.contains(entry)) {
      return Outcome.REPLAYED;
    }
    if (seen.size() >= capacity) {
      return Outcome.FULL;
    }
    seen.add(entry);
    byNonce.add(entry);
    return Outcome.RECORDED;
  }

  /** Number of remembered pairs; for metrics and tests. */
  public synchronized int size() {
    return seen.size();
  }
}

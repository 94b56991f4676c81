package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.protocol.ProtocolClock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nonces for a client: unix time in nanoseconds, and never the same value twice from one source,
 * even from many threads or when the wall clock stands still or steps back (the next nonce is then
 * the last plus one). A client signs a fresh nonce for every attempt, retries included.
 */
public final class NonceSource {
  private final ProtocolClock clock;
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  public NonceSource(ProtocolClock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /** A source on the system clock. */
  public static NonceSource system() {
    return new NonceSource(ProtocolClock.SYSTEM);
  }

  /** The next nonce: the wall clock, or one more than the previous nonce if that is later. */
  public long next() {
    long now = clock.wallNanos();
    return last.updateAndGet(previous -> previous >= now ? Math.addExact(previous, 1) : now);
  }
}

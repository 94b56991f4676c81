package io.aurelius.core.protocol;

import java.time.Instant;

/**
 * The two clocks the protocol reads: wall time in nanoseconds since the epoch (nonces are
 * wall-clock stamps, compared across machines) and a monotonic clock for durations (rate limiting,
 * queue waits). Tests substitute a manual clock.
 */
public interface ProtocolClock {
  ProtocolClock SYSTEM =
      new ProtocolClock() {
        @Override
        public long wallNanos() {
          Instant now = Instant.now();
          return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public long monotonicNanos() {
          return System.nanoTime();
        }
      };

  /** Nanoseconds since 1970-01-01T00:00:00Z. */
  long wallNanos();

  /** Nanoseconds from an arbitrary origin; only differences mean anything. */
  long monotonicNanos();
}

package io.aurelius.core.protocol;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link ProtocolClock} that moves only when told to; both clocks move together. */
public final class ManualProtocolClock implements ProtocolClock {
  private final AtomicLong wall;
  private final AtomicLong monotonic = new AtomicLong(1_000_000_000L);

  public ManualProtocolClock(long wallNanos) {
    this.wall = new AtomicLong(wallNanos);
  }

  /** Starts at the real wall time, so signed requests from it are fresh for a real server. */
  public static ManualProtocolClock atSystemTime() {
    return new ManualProtocolClock(ProtocolClock.SYSTEM.wallNanos());
  }

  public void advance(Duration d) {
    wall.addAndGet(d.toNanos());
    monotonic.addAndGet(d.toNanos());
  }

  @Override
  public long wallNanos() {
    return wall.get();
  }

  @Override
  public long monotonicNanos() {
    return monotonic.get();
  }
}

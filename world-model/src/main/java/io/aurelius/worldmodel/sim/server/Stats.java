package io.aurelius.worldmodel.sim.server;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what the server did, for tests and the shutdown line. */
public final class Stats {
  final AtomicLong requests = new AtomicLong();
  final AtomicLong answered = new AtomicLong();
  final AtomicLong serverErrors = new AtomicLong();
  final AtomicLong rateLimited = new AtomicLong();
  final AtomicLong malformed = new AtomicLong();
  final AtomicLong hangs = new AtomicLong();
  final AtomicLong badRequests = new AtomicLong();
  final AtomicLong inFlight = new AtomicLong();
  final AtomicLong maxInFlight = new AtomicLong();

  public long requests() {
    return requests.get();
  }

  public long answered() {
    return answered.get();
  }

  public long serverErrors() {
    return serverErrors.get();
  }

  public long rateLimited() {
    return rateLimited.get();
  }

  public long malformed() {
    return malformed.get();
  }

  public long hangs() {
    return hangs.get();
  }

  public long badRequests() {
    return badRequests.get();
  }

  /** The most chat requests ever open at once (received, not yet answered). */
  public long maxInFlight() {
    return maxInFlight.get();
  }

  void enter() {
    long now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
  }

  void leave() {
    inFlight.decrementAndGet();
  }

  @Override
  public String toString() {
    return requests()
        + " requests: "
        + answered()
        + " answered ("
        + malformed()
        + " malformed), "
        + serverErrors()
        + " 500s, "
        + rateLimited()
        + " 429s, "
        + hangs()
        + " hangs, "
        + badRequests()
        + " bad requests";
  }
}

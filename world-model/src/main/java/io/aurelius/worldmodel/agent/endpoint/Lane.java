package io.aurelius.worldmodel.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** An endpoint with its policy, its concurrency permits and its health. */
final class Lane {
  final ChatEndpoint endpoint;
  final EndpointPolicy policy;
  final Semaphore permits;
  private static final long UP = 0;

  /** {@link System#nanoTime()} until which the lane cools down, or {@link #UP}. */
  private final AtomicLong downUntilNanos = new AtomicLong(UP);

  Lane(ChatEndpoint endpoint, EndpointPolicy policy) {
    this.endpoint = requireNonNull(endpoint, "endpoint");
    this.policy = requireNonNull(policy, "policy");
    this.permits = new Semaphore(policy.maxConcurrency(), true);
  }

  boolean healthy(long now) {
    long until = downUntilNanos.get();
    return until == UP || now - until >= 0;
  }

  void markDown(long now) {
    long until = now + policy.cooldown().toNanos();
    downUntilNanos.set(until == UP ? 1 : until);
  }

  void markUp() {
    downUntilNanos.set(UP);
  }
}

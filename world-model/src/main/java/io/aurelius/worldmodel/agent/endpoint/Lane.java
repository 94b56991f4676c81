package io.aurelius.worldmodel.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** An endpoint with its policy, its concurrency permits and its health. */
final class Lane {
  final ChatEndpoint endpoint;
  final EndpointPolicy policy;
  final Semaphore permits;
  private final AtomicLong downUntilNanos = new AtomicLong(Long.MIN_VALUE);

  Lane(ChatEndpoint endpoint, EndpointPolicy policy) {
    this.endpoint = requireNonNull(endpoint, "endpoint");
    this.policy = requireNonNull(policy, "policy");
    this.permits = new Semaphore(policy.maxConcurrency(), true);
  }

  boolean healthy(long now) {
    return now - downUntilNanos.get() >= 0;
  }

  void markDown(long now) {
    downUntilNanos.set(now + policy.cooldown().toNanos());
  }

  void markUp() {
    downUntilNanos.set(Long.MIN_VALUE);
  }
}

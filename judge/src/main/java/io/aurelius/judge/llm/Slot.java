package io.aurelius.judge.llm;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.agent.endpoint.ChatEndpoint;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** An endpoint with its concurrency permits and its health (cooling down after a failure). */
final class Slot {
  final ChatEndpoint endpoint;
  final EndpointPolicy policy;
  final Semaphore permits;
  private final AtomicLong downUntil = new AtomicLong(Long.MIN_VALUE);

  Slot(ChatEndpoint endpoint, EndpointPolicy policy) {
    this.endpoint = requireNonNull(endpoint, "endpoint");
    this.policy = requireNonNull(policy, "policy");
    this.permits = new Semaphore(policy.maxConcurrency(), true);
  }

  boolean healthy(long now) {
    long until = downUntil.get();
    return until == Long.MIN_VALUE || now - until >= 0;
  }

  void markDown(long now) {
    downUntil.set(now + policy.cooldown().toNanos());
  }

  void markUp() {
    downUntil.set(Long.MIN_VALUE);
  }
}

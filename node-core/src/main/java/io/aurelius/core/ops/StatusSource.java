package io.aurelius.core.ops;

/** Asked for a fresh {@link NodeStatus} on every health check, scrape or dashboard poll. */
@FunctionalInterface
public interface StatusSource {
  NodeStatus status();
}

package io.aurelius.core.transport;

/**
 * Serves unsigned HTTP under a path (health, metrics, git smart HTTP, the dashboard). Runs on the
 * node's plain-HTTP workers, never on an event loop, so it may block. An exception is a 500 with a
 * request id.
 */
@FunctionalInterface
public interface PlainHttpHandler {
  PlainHttpResponse handle(PlainHttpRequest request) throws Exception;
}

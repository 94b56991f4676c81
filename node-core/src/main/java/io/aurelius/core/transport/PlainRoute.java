package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * An unsigned route. A {@code path} ending in {@code /} serves everything below it (the longest
 * matching prefix wins); any other path serves only itself.
 */
public record PlainRoute(
    String path, Set<String> methods, int maxBodyBytes, PlainHttpHandler handler) {
  public PlainRoute {
    requireNonNull(path, "path");
    methods = Set.copyOf(methods);
    requireNonNull(handler, "handler");
    if (!path.startsWith("/")
        || path.startsWith(io.aurelius.core.protocol.ProtocolHeaders.ROUTE_PREFIX)
        || path.contains("..")
        || path.contains("?")) {
      throw new IllegalArgumentException(
          "plain route path: '"
              + path
              + "' (expected: an absolute path outside /v1/, e.g. /healthz or /git/)");
    }
    if (methods.isEmpty()) {
      throw new IllegalArgumentException(
          "plain route " + path + ": no methods (expected: e.g. GET)");
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes: " + maxBodyBytes + " (expected: >= 0)");
    }
  }

  public boolean isPrefix() {
    return path.endsWith("/");
  }

  public boolean matches(String requestPath) {
    return isPrefix() ? requestPath.startsWith(path) : requestPath.equals(path);
  }
}

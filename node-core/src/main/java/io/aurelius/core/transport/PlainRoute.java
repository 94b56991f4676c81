package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * An unsigned route. A {@code path} ending in {@code /} serves everything below it (the longest
 * matching prefix wins); any other path serves only itself. Its {@link Lane} says which workers and
 * which request-body budget serve it.
 */
public record PlainRoute(
    String path, Set<String> methods, int maxBodyBytes, PlainHttpHandler handler, Lane lane) {
  /**
   * Where a plain route's requests wait and run. Anyone may call a plain route, so expensive ones
   * must not be able to starve cheap ones: health and metrics must answer while git is flooded.
   */
  public enum Lane {
    /** Cheap answers (health, metrics, status): the plain workers and the shared body budget. */
    OPS,
    /**
     * Expensive unauthenticated work (git upload-pack): workers, a queue and a body budget of its
     * own ({@code ServerLimits.bulkWorkers}, {@code bulkQueue}, {@code maxBulkBufferedBytes}).
     */
    BULK
  }

  /** An {@link Lane#OPS} route. */
  public PlainRoute(String path, Set<String> methods, int maxBodyBytes, PlainHttpHandler handler) {
    this(path, methods, maxBodyBytes, handler, Lane.OPS);
  }

  public PlainRoute {
    requireNonNull(path, "path");
    methods = Set.copyOf(methods);
    requireNonNull(handler, "handler");
    requireNonNull(lane, "lane");
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

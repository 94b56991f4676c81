package io.aurelius.core.ops;

import static java.util.Objects.requireNonNull;

/** One route of the console's JSON API: an exact path below {@value ApiRoutes#PREFIX}. */
public record ApiRoute(String path, ApiHandler handler) {
  public ApiRoute {
    requireNonNull(path, "path");
    requireNonNull(handler, "handler");
    if (!path.startsWith(ApiRoutes.PREFIX)
        || path.endsWith("/")
        || path.contains("..")
        || path.contains("?")) {
      throw new IllegalArgumentException(
          "api route path: '"
              + path
              + "' (expected: an exact path below "
              + ApiRoutes.PREFIX
              + ", e.g. /api/v1/node)");
    }
  }
}

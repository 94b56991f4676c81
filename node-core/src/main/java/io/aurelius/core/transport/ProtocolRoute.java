package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.protocol.ProtocolHeaders;
import java.util.regex.Pattern;

/**
 * A signed route, served at {@code POST /v1/<name>}. Names are lowercase segments separated by
 * slashes, e.g. {@code chain/metagraph}.
 */
public record ProtocolRoute(String name, int maxBodyBytes, RouteHandler handler) {
  private static final Pattern NAME =
      Pattern.compile("[a-z][a-z0-9-]{0,63}(/[a-z][a-z0-9-]{0,63}){0,3}");

  public ProtocolRoute {
    checkName(name);
    requireNonNull(handler, "handler");
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes: " + maxBodyBytes + " (expected: >= 0)");
    }
  }

  public String path() {
    return pathOf(name);
  }

  /** The request path of a route name, e.g. {@code /v1/chain/metagraph}. */
  public static String pathOf(String name) {
    return ProtocolHeaders.ROUTE_PREFIX + checkName(name);
  }

  /** Returns a valid route name, or throws {@link IllegalArgumentException} saying why not. */
  public static String checkName(String name) {
    requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "route name: '" + name + "' (expected: 1..4 lowercase segments like chain/metagraph)");
    }
    return name;
  }
}

package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.protocol.ProtocolHeaders;
import java.util.regex.Pattern;

/**
 * A signed route, served at {@code POST /v1/<name>}. Names are lowercase segments separated by
 * slashes, e.g. {@code chain/metagraph}. A name that starts with a slash is a whole path, served as
 * it is (another subnet's route, e.g. SN37's {@code /aurelius/v1/scenario_config}).
 */
public record ProtocolRoute(String name, int maxBodyBytes, RouteHandler handler) {
  private static final Pattern NAME =
      Pattern.compile("[a-z][a-z0-9-]{0,63}(/[a-z][a-z0-9-]{0,63}){0,3}");
  private static final Pattern PATH = Pattern.compile("(/[a-z0-9][a-z0-9_.-]{0,63}){1,6}");

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
    checkName(name);
    return name.startsWith("/") ? name : ProtocolHeaders.ROUTE_PREFIX + name;
  }

  /** Returns a valid route name, or throws {@link IllegalArgumentException} saying why not. */
  public static String checkName(String name) {
    requireNonNull(name, "name");
    if (!(name.startsWith("/") ? PATH : NAME).matcher(name).matches()) {
      throw new IllegalArgumentException(
          "route name: '"
              + name
              + "' (expected: 1..4 lowercase segments like chain/metagraph, or an absolute"
              + " lowercase path like /aurelius/v1/scenario_config)");
    }
    return name;
  }
}

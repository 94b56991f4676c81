package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * An unsigned HTTP request for a plain handler. Header names are lowercase; a header sent more than
 * once has its values joined with {@code ", "}. The body is bounded by the route's limit.
 */
public record PlainHttpRequest(
    String method,
    String path,
    String query,
    Map<String, String> headers,
    byte[] body,
    String remoteAddress) {
  public PlainHttpRequest {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(query, "query");
    headers = Map.copyOf(headers);
    requireNonNull(body, "body");
    requireNonNull(remoteAddress, "remoteAddress");
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}

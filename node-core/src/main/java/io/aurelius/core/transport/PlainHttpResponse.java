package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a plain handler answers: status, headers (Content-Length is set by the server), body. */
public record PlainHttpResponse(int status, Map<String, String> headers, byte[] body) {
  public PlainHttpResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
    }
    headers = Map.copyOf(headers);
    requireNonNull(body, "body");
  }

  public static PlainHttpResponse text(int status, String text) {
    return new PlainHttpResponse(
        status,
        Map.of("content-type", "text/plain; charset=utf-8"),
        text.getBytes(StandardCharsets.UTF_8));
  }

  public static PlainHttpResponse of(int status, String contentType, byte[] body) {
    return new PlainHttpResponse(status, Map.of("content-type", contentType), body);
  }
}

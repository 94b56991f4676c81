package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A response ready to be written: status, headers (lowercase names) and body, or a streamed body
 * (only plain routes stream).
 */
public record OutgoingResponse(
    int status,
    Map<String, String> headers,
    byte[] body,
    Optional<PlainHttpResponse.BodyWriter> stream) {
  public OutgoingResponse {
    headers = Map.copyOf(headers);
    requireNonNull(body, "body");
    requireNonNull(stream, "stream");
  }

  public OutgoingResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, Optional.empty());
  }
}

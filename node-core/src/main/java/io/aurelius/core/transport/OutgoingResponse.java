package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** A response ready to be written: status, headers (lowercase names) and body. */
public record OutgoingResponse(int status, Map<String, String> headers, byte[] body) {
  public OutgoingResponse {
    headers = Map.copyOf(headers);
    requireNonNull(body, "body");
  }
}

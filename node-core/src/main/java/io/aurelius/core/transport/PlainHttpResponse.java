package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What a plain handler answers: status, headers (Content-Length is set by the server), and either a
 * body in memory or a {@link BodyWriter} that streams one of unknown length (sent chunked).
 */
public record PlainHttpResponse(
    int status, Map<String, String> headers, byte[] body, Optional<BodyWriter> stream) {
  /**
   * Writes a streamed body. It runs on the worker that ran the handler, may block and may be slow;
   * writes block while the client is not reading (backpressure), so memory per response stays at a
   * few chunks. An {@link IOException} from it aborts the connection, as the status is already
   * sent.
   */
  @FunctionalInterface
  public interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  public PlainHttpResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
    }
    headers = Map.copyOf(headers);
    requireNonNull(body, "body");
    requireNonNull(stream, "stream");
    if (stream.isPresent() && body.length > 0) {
      throw new IllegalArgumentException(
          "body: " + body.length + " bytes with a stream (expected: one or the other)");
    }
  }

  /** A body in memory. */
  public PlainHttpResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, Optional.empty());
  }

  /** A streamed body of unknown length. */
  public static PlainHttpResponse streamed(
      int status, Map<String, String> headers, BodyWriter stream) {
    return new PlainHttpResponse(status, headers, new byte[0], Optional.of(stream));
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

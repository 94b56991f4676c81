package io.aurelius.core.githttp;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A response to write: status, headers, and a body streamed to the connection. When {@code
 * contentLength} is empty the length is unknown in advance (a pack) and the transport must use
 * chunked encoding. The body writer may block and may be slow; it is called once, and an {@link
 * IOException} from it means the connection must be aborted because the status line is already
 * sent.
 */
public record GitHttpResponse(
    int status, Map<String, String> headers, OptionalLong contentLength, Body body) {
  /** Writes the body; the caller closes the stream afterwards. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  static final String TEXT_PLAIN = "text/plain; charset=utf-8";

  public GitHttpResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
    }
    headers = Map.copyOf(headers);
    requireNonNull(contentLength, "contentLength");
    requireNonNull(body, "body");
  }

  /** A small fixed body, e.g. an error line or the {@code HEAD} file. */
  static GitHttpResponse fixed(int status, Map<String, String> headers, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new GitHttpResponse(
        status, headers, OptionalLong.of(copy.length), out -> out.write(copy));
  }

  /**
   * A one-line plain-text error. Stock git prints a {@code text/plain} error body to the user as
   * {@code remote: <line>}.
   */
  static GitHttpResponse error(int status, String message, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(NoCache.HEADERS);
    headers.put("Content-Type", TEXT_PLAIN);
    headers.putAll(extraHeaders);
    return fixed(status, headers, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The body in memory; for tests and small responses only. */
  public byte[] bodyBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toByteArray();
  }
}

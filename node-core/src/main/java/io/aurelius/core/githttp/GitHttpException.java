package io.aurelius.core.githttp;

import java.util.Map;

/** A request refused before any git work: an HTTP status and one line for the client. */
final class GitHttpException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, String> headers;

  GitHttpException(int status, String message) {
    this(status, message, Map.of());
  }

  GitHttpException(int status, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  GitHttpResponse toResponse() {
    return GitHttpResponse.error(status, getMessage(), headers);
  }

  int status() {
    return status;
  }
}

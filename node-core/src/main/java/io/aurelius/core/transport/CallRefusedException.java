package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.protocol.ProtocolStatus;

/** Thrown by a handler to refuse a well-formed call with a 4xx status and a one-line reason. */
public final class CallRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ProtocolStatus status;

  public CallRefusedException(ProtocolStatus status, String message) {
    super(requireNonNull(message, "message"), null, false, false);
    requireNonNull(status, "status");
    if (status.code() / 100 != 4) {
      throw new IllegalArgumentException("status: " + status.code() + " (expected: 4xx)");
    }
    this.status = status;
  }

  public ProtocolStatus status() {
    return status;
  }
}

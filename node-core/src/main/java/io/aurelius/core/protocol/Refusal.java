package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

/** Why a request was refused: the status it gets and a one-line reason for the caller. */
public record Refusal(ProtocolStatus status, String message) {
  public Refusal {
    requireNonNull(status, "status");
    requireNonNull(message, "message");
    if (status.isSuccess()) {
      throw new IllegalArgumentException(
          "refusal status: " + status.code() + " (expected: an error status)");
    }
  }

  public static Refusal of(ProtocolStatus status, String message) {
    return new Refusal(status, message);
  }
}

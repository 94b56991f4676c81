package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Why a request was refused: the status it gets, a short reason name and a one-line message for the
 * caller. The reason names a check, not a request: it is a constant of the code (btauth/1's error
 * names such as {@code StaleRequest}, or the server's own such as {@code NotRegistered}), so it can
 * label a metric without letting callers grow its cardinality.
 */
public record Refusal(ProtocolStatus status, String reason, String message) {
  private static final Pattern REASON = Pattern.compile("[A-Z][A-Za-z0-9]{0,39}");

  public Refusal {
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    requireNonNull(message, "message");
    if (status.isSuccess()) {
      throw new IllegalArgumentException(
          "refusal status: " + status.code() + " (expected: an error status)");
    }
    if (!REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException(
          "refusal reason: '" + reason + "' (expected: a name like " + REASON.pattern() + ")");
    }
  }

  public static Refusal of(ProtocolStatus status, String reason, String message) {
    return new Refusal(status, reason, message);
  }

  /** A refusal whose reason is its status's name, e.g. {@code BadRequest}. */
  public static Refusal of(ProtocolStatus status, String message) {
    return new Refusal(status, status.reason().replace(" ", ""), message);
  }
}

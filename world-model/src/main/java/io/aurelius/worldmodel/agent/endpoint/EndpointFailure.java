package io.aurelius.worldmodel.agent.endpoint;

import static java.util.Objects.requireNonNull;

/** A chat call that produced no completion, classified so the caller knows whether to retry. */
public final class EndpointFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final Kind kind;

  public EndpointFailure(Kind kind, String message) {
    super(requireNonNull(message, "message"));
    this.kind = requireNonNull(kind, "kind");
  }

  public EndpointFailure(Kind kind, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  /** Why a call failed. */
  public enum Kind {
    /** HTTP 429: retried after a backoff. */
    RATE_LIMITED(true),
    /** HTTP 5xx or an unreadable response: retried. */
    SERVER_ERROR(true),
    /** No answer within the timeout: retried. */
    TIMEOUT(true),
    /** Connection refused or reset: retried, then failed over. */
    UNREACHABLE(true),
    /** HTTP 4xx other than 429 (bad key, unknown model, refused request): failed over at once. */
    REJECTED(false);

    private final boolean retriable;

    Kind(boolean retriable) {
      this.retriable = retriable;
    }

    public boolean retriable() {
      return retriable;
    }
  }
}

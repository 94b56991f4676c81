package io.aurelius.miner.remote;

import static java.util.Objects.requireNonNull;

/** A remote configuration that could not be fetched, with a one-line message and its kind. */
public final class RemoteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why; {@link #isBadInput()} separates the caller's mistakes from failures. */
  public enum Kind {
    /** The reference is not {@code URL#ID}. */
    BAD_REFERENCE(true),
    /** No configuration with that id (or prefix) in the repository. */
    NOT_FOUND(true),
    /** More than one configuration matches the prefix. */
    AMBIGUOUS(true),
    /** The repository could not be fetched (connection, protocol, limits). */
    UNREACHABLE(false);

    private final boolean badInput;

    Kind(boolean badInput) {
      this.badInput = badInput;
    }
  }

  private final Kind kind;

  public RemoteException(Kind kind, String message) {
    this(kind, message, null);
  }

  public RemoteException(Kind kind, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  public boolean isBadInput() {
    return kind.badInput;
  }
}

package io.aurelius.miner.library;

import static java.util.Objects.requireNonNull;

/** A library operation that did not happen, with a one-line message and its kind. */
public final class LibraryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong; {@link #isBadInput()} separates the caller's mistakes from failures. */
  public enum Kind {
    /** The configuration is already in the library. */
    DUPLICATE(true),
    /** The configuration cannot be stored within the format's size limit. */
    TOO_LARGE(true),
    /** Another writer changed the library at the same time; retrying is safe. */
    CONCURRENT_UPDATE(false),
    /** The repository could not be read or written. */
    STORAGE(false);

    private final boolean badInput;

    Kind(boolean badInput) {
      this.badInput = badInput;
    }

    public boolean isBadInput() {
      return badInput;
    }
  }

  private final Kind kind;

  public LibraryException(Kind kind, String message) {
    this(kind, message, null);
  }

  public LibraryException(Kind kind, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  public boolean isBadInput() {
    return kind.isBadInput();
  }
}

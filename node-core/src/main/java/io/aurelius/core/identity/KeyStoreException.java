package io.aurelius.core.identity;

import static java.util.Objects.requireNonNull;

/**
 * A key store operation that could not be done, with a one-line message naming the file or key,
 * what was wrong and what was expected. {@link #reason()} tells bad input (a wrong passphrase, a
 * corrupted file, an unknown name) from a failure of the machine (I/O).
 */
public final class KeyStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the operation failed. */
  public enum Reason {
    /** No key with that name or key id. */
    NOT_FOUND,
    /** A key with that name exists; keys are never overwritten. */
    ALREADY_EXISTS,
    /** The key exists but is of another kind than the operation needs. */
    WRONG_KIND,
    /** The file is not a well-formed key file of a known format. */
    CORRUPTED,
    /** The coldkey did not decrypt: the passphrase is wrong or the file was altered. */
    WRONG_PASSPHRASE,
    /** A hotkey file readable by other users. */
    INSECURE_PERMISSIONS,
    /** Reading or writing the file system failed. */
    IO;

    /** True for reasons caused by the user's input or files rather than by the machine. */
    public boolean isBadInput() {
      return this != IO;
    }
  }

  private final Reason reason;

  public KeyStoreException(Reason reason, String message) {
    super(message);
    this.reason = requireNonNull(reason, "reason");
  }

  public KeyStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

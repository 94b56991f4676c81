package io.aurelius.anchoring.corpus;

/** An entry that does not have the documented shape; the message names the field. */
public final class InvalidEntryException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidEntryException(String message) {
    super(message);
  }
}

package io.aurelius.anchoring.covenant;

/** A covenant entry that is malformed or does not follow the one before it. */
public final class InvalidCovenantException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidCovenantException(String message) {
    super(message);
  }
}

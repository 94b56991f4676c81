package io.aurelius.anchoring.burn;

/** A burn record that is malformed or whose signature does not verify. */
public final class InvalidBurnException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidBurnException(String message) {
    super(message);
  }
}

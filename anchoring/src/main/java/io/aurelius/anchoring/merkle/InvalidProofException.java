package io.aurelius.anchoring.merkle;

/** A proof that does not verify, or that is malformed; the message says which and why. */
public final class InvalidProofException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidProofException(String message) {
    super(message);
  }
}

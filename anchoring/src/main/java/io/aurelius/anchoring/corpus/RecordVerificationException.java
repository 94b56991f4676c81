package io.aurelius.anchoring.corpus;

/** An exported record whose proof does not hold; the message names the check that failed. */
public final class RecordVerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  public RecordVerificationException(String message) {
    super(message);
  }
}

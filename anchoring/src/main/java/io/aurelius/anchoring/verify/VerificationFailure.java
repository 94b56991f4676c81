package io.aurelius.anchoring.verify;

/** The first check that did not hold; the message names the entry, checkpoint or commit. */
public final class VerificationFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public VerificationFailure(String message) {
    super(message);
  }
}

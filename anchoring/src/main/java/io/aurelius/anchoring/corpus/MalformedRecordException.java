package io.aurelius.anchoring.corpus;

/** An exported record that is not one: not JSON, or a proof field of the wrong shape. */
public final class MalformedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedRecordException(String message) {
    super(message);
  }
}

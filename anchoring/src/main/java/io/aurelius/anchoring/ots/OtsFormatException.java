package io.aurelius.anchoring.ots;

/** Bytes that are not a valid OpenTimestamps proof; the message names the offset and rule. */
public final class OtsFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public OtsFormatException(String message) {
    super(message);
  }
}

package io.aurelius.anchoring.log;

/** Log content that is missing or malformed (a tile, a bundle, a checkpoint). */
public final class LogCorruptException extends LogException {
  private static final long serialVersionUID = 1L;

  public LogCorruptException(String message) {
    super(message);
  }
}

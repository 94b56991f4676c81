package io.aurelius.anchoring.log;

/** An append that does not fit the log as it is (another writer, or a different batch). */
public final class LogConflictException extends LogException {
  private static final long serialVersionUID = 1L;

  public LogConflictException(String message) {
    super(message);
  }
}

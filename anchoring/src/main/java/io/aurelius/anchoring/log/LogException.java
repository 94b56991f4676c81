package io.aurelius.anchoring.log;

/** A log that cannot be read or written as asked; one-line message. */
public class LogException extends Exception {
  private static final long serialVersionUID = 1L;

  public LogException(String message) {
    super(message);
  }

  public LogException(String message, Throwable cause) {
    super(message, cause);
  }
}

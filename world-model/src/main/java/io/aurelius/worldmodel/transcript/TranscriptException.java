package io.aurelius.worldmodel.transcript;

/**
 * A transcript file that cannot be read: one line naming the file, the line and what was expected.
 */
public final class TranscriptException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TranscriptException(String message) {
    super(message);
  }

  public TranscriptException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.aurelius.config.submission;

/**
 * A query or submission body that does not have the documented shape, with a one-line message
 * naming the field, the value and what was expected.
 */
public final class MalformedSubmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedSubmissionException(String message) {
    super(message);
  }

  public MalformedSubmissionException(String message, Throwable cause) {
    super(message, cause);
  }
}

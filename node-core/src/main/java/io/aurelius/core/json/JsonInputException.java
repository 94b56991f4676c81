package io.aurelius.core.json;

/**
 * A document that is not acceptable JSON, with a one-line message naming what was wrong, where (a
 * JSON path or line and column), and what was expected.
 */
public final class JsonInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonInputException(String message) {
    super(message);
  }

  public JsonInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

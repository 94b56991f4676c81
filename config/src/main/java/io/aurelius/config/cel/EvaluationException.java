package io.aurelius.config.cel;

/**
 * A compiled expression failed at run time: a division by zero, an overflow, the comprehension
 * iteration budget, a missing binding, or a result of the wrong type. One line, naming the
 * expression's path.
 */
public final class EvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvaluationException(String message) {
    super(message);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}

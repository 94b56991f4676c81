package io.aurelius.config.cel;

import static java.util.Objects.requireNonNull;

/**
 * Why an expression did not compile: {@code offset} is the 0-based character position in the
 * expression source (or -1 when the problem concerns the whole expression).
 */
public record CelProblem(Kind kind, int offset, String message) {
  public CelProblem {
    requireNonNull(kind, "kind");
    requireNonNull(message, "message");
  }

  /** The class of problem. */
  public enum Kind {
    SYNTAX("syntax error"),
    REFERENCE("unknown reference"),
    TYPE("type error"),
    LIMIT("limit exceeded");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}

package io.aurelius.config.validation;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a document: where (a JSON path such as {@code $.agents[3].name}, with
 * {@code @n} for a character position inside a text) and what, ending in the expected value, e.g.
 * {@code "Bob" (expected: ^[a-z][a-z0-9_]{1,29}$)}.
 */
public record Problem(String path, String message) {
  public Problem {
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}

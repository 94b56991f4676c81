package io.aurelius.judge.prompt;

import static java.util.Objects.requireNonNull;

/**
 * An Orbis Ethica perspective a judge can take. A persona changes what a judge attends to, never
 * the standard: every persona answers the same rubric criteria.
 */
public record Persona(String key, String name, String attends, String guard) {
  public Persona {
    requireNonNull(key, "key");
    requireNonNull(name, "name");
    requireNonNull(attends, "attends");
    requireNonNull(guard, "guard");
    if (!key.matches("[a-z][a-z0-9_]{1,31}")) {
      throw new IllegalArgumentException(
          "persona key: '" + key + "' (expected: [a-z][a-z0-9_]{1,31})");
    }
  }
}

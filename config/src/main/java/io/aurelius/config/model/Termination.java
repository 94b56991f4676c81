package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A run stops after {@code maxSteps} steps, or earlier at the end of a step where {@code when}
 * holds.
 */
public record Termination(int maxSteps, Optional<Expression> when) {
  public Termination {
    requireNonNull(when, "when");
  }
}

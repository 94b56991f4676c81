package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A claim on a contested world quantity: every agent taking an action with a draw on the same
 * {@code from} variable in one step competes for it. {@code amount} is the agent's demand (negative
 * counts as zero); the granted amount is subtracted from {@code from}, added to {@code into} when
 * given, and bound as {@code drawn} in the action's effects and narration.
 */
public record Draw(String from, Expression amount, Optional<Target> into, Resolution resolution) {
  public Draw {
    requireNonNull(from, "from");
    requireNonNull(amount, "amount");
    requireNonNull(into, "into");
    requireNonNull(resolution, "resolution");
  }
}

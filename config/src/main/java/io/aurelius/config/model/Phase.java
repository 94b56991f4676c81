package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A run of {@code steps} consecutive steps. Phases run in order and their steps add up to {@code
 * termination.max_steps}; the narrative (if any) is shown at the phase's first step.
 */
public record Phase(String name, int steps, PhaseMode mode, Optional<FramedTemplate> narrative) {
  public Phase {
    requireNonNull(name, "name");
    requireNonNull(mode, "mode");
    requireNonNull(narrative, "narrative");
  }
}

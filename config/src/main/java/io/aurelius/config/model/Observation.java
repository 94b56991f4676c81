package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

/**
 * Text rendered at the start of every step for each agent {@code visibleTo} admits, with {@code
 * viewer} and {@code self} bound to that agent: this is who sees what of the world.
 */
public record Observation(Visibility visibleTo, FramedTemplate text) {
  public Observation {
    requireNonNull(visibleTo, "visibleTo");
    requireNonNull(text, "text");
  }
}

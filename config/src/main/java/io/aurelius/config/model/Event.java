package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something that happens to the world, checked at the start of each step: at step {@code atStep}
 * (if given) and when {@code when} holds (if given; at least one is present). A {@code once} event
 * fires at most once per run.
 */
public record Event(
    String name,
    OptionalInt atStep,
    Optional<Expression> when,
    boolean once,
    List<Effect> effects,
    FramedTemplate narration,
    Visibility visibility) {
  public Event {
    requireNonNull(name, "name");
    requireNonNull(atStep, "atStep");
    requireNonNull(when, "when");
    effects = List.copyOf(effects);
    requireNonNull(narration, "narration");
    requireNonNull(visibility, "visibility");
  }
}

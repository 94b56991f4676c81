package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something an agent can do. It is offered to an agent when the agent is among {@code actors}
 * and the current phase is among {@code phases} (empty: every decision phase). The
 * precondition is evaluated with the chosen parameters bound; when it is false the action is
 * refused and has no effect. Then the draw (if any) is resolved against the other agents' draws,
 * the effects applied in order, and the narration shown to whoever {@code visibility} admits.
 */
public record Action(
    String name,
    Optional<FramedText> label,
    Actors actors,
    List<String> phases,
    Map<String, ParamDecl> parameters,
    Optional<Expression> precondition,
    List<Effect> effects,
    Optional<Draw> draw,
    FramedTemplate narration,
    Visibility visibility) {
  public Action {
    requireNonNull(name, "name");
    requireNonNull(label, "label");
    requireNonNull(actors, "actors");
    phases = List.copyOf(phases);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    requireNonNull(precondition, "precondition");
    effects = List.copyOf(effects);
    requireNonNull(draw, "draw");
    requireNonNull(narration, "narration");
    requireNonNull(visibility, "visibility");
  }

  /** True when the action may be offered in {@code phase} (empty string: no phases declared). */
  public boolean offeredIn(String phase) {
    return phases.isEmpty() || phases.contains(phase);
  }
}

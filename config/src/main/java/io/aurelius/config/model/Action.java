package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something an agent can do. It is offered to an agent when the agent is among {@code actors} and
 * the current phase admits it: a decision phase admits actions whose {@code phases} is empty or
 * names it; a reflection phase admits only actions that name it explicitly. The precondition is
 * evaluated with the chosen parameters bound; when it is false the action is refused and has no
 * effect. Then the draw (if any) is resolved against the other agents' draws, the effects applied
 * in order, and the narration shown to whoever {@code visibility} admits.
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

  /**
   * True when the action may be offered in the decision phase named {@code phase} (the empty string
   * when the configuration declares no phases).
   */
  public boolean offeredIn(String phase) {
    return phases.isEmpty() || phases.contains(phase);
  }

  /** True when the action may be offered in {@code phase} (empty: no phases declared). */
  public boolean offeredIn(Optional<Phase> phase) {
    if (phase.isEmpty()) {
      return phases.isEmpty();
    }
    if (phase.get().mode() == PhaseMode.REFLECTION) {
      return phases.contains(phase.get().name());
    }
    return offeredIn(phase.get().name());
  }
}

package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One agent: a stable {@code name} used in expressions, an optional display name used in narrative,
 * a first-person identity and goal, an optional first-person stance (how it reasons) and persona
 * label (metadata, e.g. an SN37 philosophy), private knowledge only it is shown, and its own typed
 * state. Map iteration order is document order.
 */
public record Agent(
    String name,
    Optional<String> displayName,
    String identity,
    String goal,
    Optional<String> stance,
    Optional<String> persona,
    List<String> privateKnowledge,
    Map<String, VarDecl> state) {
  public Agent {
    requireNonNull(name, "name");
    requireNonNull(displayName, "displayName");
    requireNonNull(identity, "identity");
    requireNonNull(goal, "goal");
    requireNonNull(stance, "stance");
    requireNonNull(persona, "persona");
    privateKnowledge = List.copyOf(privateKnowledge);
    state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
  }

  /** The name shown in narrative: the display name, or the name. */
  public String shownName() {
    return displayName.orElse(name);
  }
}

package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One validated {@code aurelius.config/1} scenario configuration. Instances come from {@code
 * io.aurelius.config.ConfigLoader}, which guarantees every reference resolves and every expression
 * type-checks; {@code phases} is empty when the document declares none (then the whole run is one
 * decision phase named {@code ""}). {@code outcome} is the ULFR outcome map the document declares,
 * if any (see {@code io.aurelius.config.outcome.OutcomeMaps} for the one derived otherwise); for a
 * configuration that imports mechanic packs with outcome fragments, the merged map ({@code
 * io.aurelius.config.outcome.OutcomeFragments}).
 */
public record ScenarioConfig(
    String name,
    String title,
    Optional<ContentId> parent,
    Map<String, String> labels,
    Map<String, VarDecl> worldState,
    List<Agent> agents,
    List<Action> actions,
    List<Effect> dynamics,
    List<Observation> observations,
    List<Event> events,
    List<Phase> phases,
    Termination termination,
    int memoryWindow,
    Framings framings,
    Optional<Signature> signature,
    Optional<OutcomeMap> outcome) {
  public static final String FORMAT = "aurelius.config/1";

  public ScenarioConfig {
    requireNonNull(name, "name");
    requireNonNull(title, "title");
    requireNonNull(parent, "parent");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    worldState = Collections.unmodifiableMap(new LinkedHashMap<>(worldState));
    agents = List.copyOf(agents);
    actions = List.copyOf(actions);
    dynamics = List.copyOf(dynamics);
    observations = List.copyOf(observations);
    events = List.copyOf(events);
    phases = List.copyOf(phases);
    requireNonNull(termination, "termination");
    requireNonNull(framings, "framings");
    requireNonNull(signature, "signature");
    requireNonNull(outcome, "outcome");
  }

  /** This configuration with {@code map} as its outcome map. */
  public ScenarioConfig withOutcome(OutcomeMap map) {
    return new ScenarioConfig(
        name,
        title,
        parent,
        labels,
        worldState,
        agents,
        actions,
        dynamics,
        observations,
        events,
        phases,
        termination,
        memoryWindow,
        framings,
        signature,
        Optional.of(map));
  }

  public String tensionArchetype() {
    return labels.getOrDefault("tension_archetype", "");
  }

  public String domain() {
    return labels.getOrDefault("domain", "");
  }

  /** Each agent's shown name (display name, or name) by agent name, in agents order. */
  public Map<String, String> shownNames() {
    Map<String, String> names = new LinkedHashMap<>();
    agents.forEach(a -> names.put(a.name(), a.shownName()));
    return Collections.unmodifiableMap(names);
  }

  public Optional<Agent> agent(String agentName) {
    return agents.stream().filter(a -> a.name().equals(agentName)).findFirst();
  }

  public Optional<Action> action(String actionName) {
    return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
  }

  /**
   * The phase a 1-based step falls in, or empty when the configuration declares no phases or the
   * step is beyond the last phase.
   */
  public Optional<Phase> phaseAt(int step) {
    int end = 0;
    for (Phase phase : phases) {
      end += phase.steps();
      if (step <= end) {
        return step >= 1 ? Optional.of(phase) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}

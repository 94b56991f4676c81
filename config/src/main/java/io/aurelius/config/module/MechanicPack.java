package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.OutcomeMap;
import java.util.Optional;

/**
 * Namespaced state, actions, dynamics, observations and events, kept in the configuration format's
 * own JSON shapes so that importing is a merge and checking is the configuration's own validation.
 * Every declared name starts with {@code <name>_}. {@code outcome} is the pack's optional ULFR
 * outcome fragment: what its own variables and events mean for a run's outcome, merged into the
 * outcome map of every configuration that imports it ({@code
 * io.aurelius.config.outcome.OutcomeFragments}).
 */
public record MechanicPack(
    ModuleInfo info,
    ObjectNode worldState,
    ObjectNode agentState,
    ArrayNode actions,
    ArrayNode dynamics,
    ArrayNode observations,
    ArrayNode events,
    Optional<OutcomeMap> outcome)
    implements Module {
  public MechanicPack {
    requireNonNull(info, "info");
    worldState = worldState.deepCopy();
    agentState = agentState.deepCopy();
    actions = actions.deepCopy();
    dynamics = dynamics.deepCopy();
    observations = observations.deepCopy();
    events = events.deepCopy();
    requireNonNull(outcome, "outcome");
  }

  /** The namespace prefix of every name the pack declares. */
  public String prefix() {
    return info.name() + "_";
  }
}

package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Namespaced state, actions, dynamics, observations and events, kept in the configuration format's
 * own JSON shapes so that importing is a merge and checking is the configuration's own validation.
 * Every declared name starts with {@code <name>_}.
 */
public record MechanicPack(
    ModuleInfo info,
    ObjectNode worldState,
    ObjectNode agentState,
    ArrayNode actions,
    ArrayNode dynamics,
    ArrayNode observations,
    ArrayNode events)
    implements Module {
  public MechanicPack {
    requireNonNull(info, "info");
    worldState = worldState.deepCopy();
    agentState = agentState.deepCopy();
    actions = actions.deepCopy();
    dynamics = dynamics.deepCopy();
    observations = observations.deepCopy();
    events = events.deepCopy();
  }

  /** The namespace prefix of every name the pack declares. */
  public String prefix() {
    return info.name() + "_";
  }
}

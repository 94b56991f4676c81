package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

/**
 * The variable an effect assigns: {@code world.<var>}, {@code self.<var>} (the acting agent, or
 * each agent in turn for a {@code for_each_agent} effect) or {@code agents.<name>.<var>}.
 */
public sealed interface Target {
  /** The variable name. */
  String variable();

  /** The spelling in a configuration document, e.g. {@code agents.ana.coins}. */
  String text();

  record WorldVar(String variable) implements Target {
    public WorldVar {
      requireNonNull(variable, "variable");
    }

    @Override
    public String text() {
      return "world." + variable;
    }
  }

  record SelfVar(String variable) implements Target {
    public SelfVar {
      requireNonNull(variable, "variable");
    }

    @Override
    public String text() {
      return "self." + variable;
    }
  }

  record AgentVar(String agent, String variable) implements Target {
    public AgentVar {
      requireNonNull(agent, "agent");
      requireNonNull(variable, "variable");
    }

    @Override
    public String text() {
      return "agents." + agent + "." + variable;
    }
  }
}

package io.aurelius.worldmodel.framing;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import java.util.List;
import java.util.Optional;

/**
 * Everything rendered for one agent at one step, already evaluated: the premise, what it remembers
 * of its own recent turns, the phase narrative (at a phase's first step), the news (events and the
 * consequences of last step it saw), the observations, and the actions it may take now.
 */
public record Turn(
    Agent agent,
    int step,
    int maxSteps,
    Optional<String> phase,
    String premise,
    List<Memory> memory,
    Optional<String> phaseNarrative,
    List<String> news,
    List<String> observations,
    List<Action> offered,
    boolean reflectOffered) {
  public Turn {
    requireNonNull(agent, "agent");
    requireNonNull(phase, "phase");
    requireNonNull(premise, "premise");
    memory = List.copyOf(memory);
    requireNonNull(phaseNarrative, "phaseNarrative");
    news = List.copyOf(news);
    observations = List.copyOf(observations);
    offered = List.copyOf(offered);
  }

  /**
   * One remembered turn of the agent's own: the step, what it did (empty when it only reflected),
   * whether that happened, and what it saw follow.
   */
  public record Memory(int step, Optional<Did> did, List<String> consequences) {
    public Memory {
      requireNonNull(did, "did");
      consequences = List.copyOf(consequences);
    }
  }

  /** An action taken (or attempted), with its parameters as shown. */
  public record Did(Action action, String params, boolean happened) {
    public Did {
      requireNonNull(action, "action");
      requireNonNull(params, "params");
    }
  }
}

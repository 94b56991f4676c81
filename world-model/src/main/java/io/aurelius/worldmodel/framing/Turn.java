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
    Optional<Recollection> older,
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
    requireNonNull(older, "older");
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

  /**
   * The agent's own turns older than its memory window, summed up (a memory policy's summary): the
   * steps they span, how often it chose each action (in first-chosen order), how often it only
   * reflected, and how often what it chose did not happen.
   */
  public record Recollection(
      int firstStep, int lastStep, List<Chosen> chosen, int reflected, int failed) {
    public Recollection {
      chosen = List.copyOf(chosen);
    }

    /** One action and how many times it was chosen. */
    public record Chosen(Action action, int times) {
      public Chosen {
        requireNonNull(action, "action");
      }
    }

    public static final Recollection EMPTY = new Recollection(0, 0, List.of(), 0, 0);

    /** This summary with one more forgotten turn folded in. */
    public Recollection plus(Memory m) {
      List<Chosen> next = new java.util.ArrayList<>(chosen);
      int r = reflected;
      int f = failed;
      if (m.did().isEmpty()) {
        r++;
      } else {
        Did d = m.did().get();
        f += d.happened() ? 0 : 1;
        int at = -1;
        for (int i = 0; i < next.size(); i++) {
          if (next.get(i).action().name().equals(d.action().name())) {
            at = i;
          }
        }
        if (at < 0) {
          next.add(new Chosen(d.action(), 1));
        } else {
          next.set(at, new Chosen(d.action(), next.get(at).times() + 1));
        }
      }
      return new Recollection(firstStep == 0 ? m.step() : firstStep, m.step(), next, r, f);
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

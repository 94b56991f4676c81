package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's outcome means for the ULFR lens (Orbis Ethica §3.2): which state variables are each
 * agent's utility and life or health, which groups agents form, which events are failures and how
 * harmful, and which states cannot be undone. A term names a variable and whether lower is better
 * ({@code "-need"} in the document).
 *
 * @param utility agent variables (every agent that declares them): each agent's utility
 * @param worldUtility world variables counted as everyone's utility
 * @param life agent variables: each agent's life or health
 * @param worldLife world variables counted as everyone's life or health
 * @param groups group name → agent names; empty: each agent is its own group
 * @param failures event name → harm in (0, 1]
 * @param irreversible states that cannot be undone, each a variable at or below a floor
 */
public record OutcomeMap(
    List<Term> utility,
    List<Term> worldUtility,
    List<Term> life,
    List<Term> worldLife,
    Map<String, List<String>> groups,
    Map<String, Double> failures,
    List<Floor> irreversible) {
  public OutcomeMap {
    utility = List.copyOf(utility);
    worldUtility = List.copyOf(worldUtility);
    life = List.copyOf(life);
    worldLife = List.copyOf(worldLife);
    Map<String, List<String>> g = new LinkedHashMap<>();
    groups.forEach((k, v) -> g.put(k, List.copyOf(v)));
    groups = Collections.unmodifiableMap(g);
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    irreversible = List.copyOf(irreversible);
  }

  public static final OutcomeMap EMPTY =
      new OutcomeMap(List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of());

  /** A variable and its direction. */
  public record Term(String var, boolean lowerIsBetter) {
    public Term {
      requireNonNull(var, "var");
    }

    /** {@code "coins"} or {@code "-need"}. */
    public static Term parse(String text) {
      return text.startsWith("-") ? new Term(text.substring(1), true) : new Term(text, false);
    }

    public String text() {
      return lowerIsBetter ? "-" + var : var;
    }
  }

  /**
   * An irreversible state: {@code world.NAME} or {@code self.NAME} (any agent) at or below {@code
   * atMost}.
   */
  public record Floor(String var, double atMost) {
    public Floor {
      requireNonNull(var, "var");
    }
  }
}

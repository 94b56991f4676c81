package io.aurelius.config.outcome;

import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Event;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.ValueType;
import io.aurelius.config.model.VarDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The outcome map of a configuration: the declared one, or one derived from its declared state by
 * this rule (words are matched as parts of a variable's or event's name split at {@code _}):
 *
 * <ul>
 *   <li>an agent's int or double variable whose name has a <b>life</b> word ({@link #LIFE}) is its
 *       life or health; a world variable with one is everyone's;
 *   <li>every other agent int or double variable is its utility, lower is better when the name has
 *       a <b>burden</b> word ({@link #BURDEN}: need, debt, hunger, …); world variables are not
 *       utility (a stock, a price or a counter may be good or bad for anyone);
 *   <li>an event whose name has a <b>failure</b> word ({@link #FAILURE}) is a failure, harm 1 for
 *       death or collapse ({@link #GRAVE}), ½ otherwise;
 *   <li>a life variable at its declared minimum cannot be undone;
 *   <li>each agent is its own group.
 * </ul>
 */
public final class OutcomeMaps {
  public static final Set<String> LIFE =
      Set.of(
          "health",
          "life",
          "lives",
          "alive",
          "hp",
          "wellbeing",
          "survival",
          "safety",
          "oxygen",
          "vitality",
          "hydration",
          "nutrition");
  public static final Set<String> BURDEN =
      Set.of(
          "need",
          "needs",
          "debt",
          "hunger",
          "harm",
          "damage",
          "injury",
          "risk",
          "stress",
          "pain",
          "sickness",
          "fatigue",
          "cost",
          "costs",
          "loss",
          "losses",
          "suspicion",
          "guilt",
          "fear",
          "exhaustion",
          "tiredness",
          "exposure",
          "broken");
  public static final Set<String> FAILURE =
      Set.of(
          "collapse",
          "collapses",
          "death",
          "dies",
          "die",
          "dead",
          "fail",
          "failure",
          "disaster",
          "crash",
          "ruin",
          "flood",
          "fire",
          "injury",
          "accident",
          "outbreak",
          "breach",
          "loss",
          "famine",
          "drought",
          "storm",
          "riot",
          "bankrupt",
          "bankruptcy",
          "starve",
          "starvation",
          "floods",
          "breached",
          "breaks",
          "lost",
          "rockslide",
          "failed",
          "fails");
  public static final Set<String> GRAVE =
      Set.of("collapse", "collapses", "death", "dies", "die", "dead", "famine", "starvation");

  private OutcomeMaps() {}

  /** The declared map, or the derived one. */
  public static OutcomeMap of(ScenarioConfig config) {
    return config.outcome().orElseGet(() -> derive(config));
  }

  /** Whether the configuration declares its map (otherwise it is derived). */
  public static boolean declared(ScenarioConfig config) {
    return config.outcome().isPresent();
  }

  public static OutcomeMap derive(ScenarioConfig config) {
    Set<String> utility = new LinkedHashSet<>();
    Set<String> life = new LinkedHashSet<>();
    Map<String, Double> lifeFloors = new LinkedHashMap<>();
    for (Agent a : config.agents()) {
      a.state()
          .forEach(
              (name, decl) -> {
                if (!numeric(decl)) {
                  return;
                }
                if (has(name, LIFE)) {
                  life.add(name);
                  lifeFloors.putIfAbsent("self." + name, min(decl));
                } else {
                  utility.add(has(name, BURDEN) ? "-" + name : name);
                }
              });
    }
    List<OutcomeMap.Term> worldLife = new ArrayList<>();
    config
        .worldState()
        .forEach(
            (name, decl) -> {
              if (numeric(decl) && has(name, LIFE)) {
                worldLife.add(new OutcomeMap.Term(name, false));
                lifeFloors.put("world." + name, min(decl));
              }
            });
    Map<String, Double> failures = new LinkedHashMap<>();
    for (Event e : config.events()) {
      if (has(e.name(), FAILURE)) {
        failures.put(e.name(), has(e.name(), GRAVE) ? 1.0 : 0.5);
      }
    }
    List<OutcomeMap.Floor> floors = new ArrayList<>();
    lifeFloors.forEach((v, m) -> floors.add(new OutcomeMap.Floor(v, m)));
    return new OutcomeMap(
        utility.stream().map(OutcomeMap.Term::parse).toList(),
        List.of(),
        life.stream().map(OutcomeMap.Term::parse).toList(),
        worldLife,
        Map.of(),
        failures,
        floors);
  }

  private static boolean numeric(VarDecl v) {
    return v.type() == ValueType.INT || v.type() == ValueType.DOUBLE;
  }

  private static double min(VarDecl v) {
    if (v instanceof VarDecl.IntVar i) {
      return i.min();
    }
    if (v instanceof VarDecl.DoubleVar d) {
      return d.min();
    }
    return 0;
  }

  private static boolean has(String name, Set<String> words) {
    for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
      if (words.contains(part)) {
        return true;
      }
    }
    return false;
  }
}

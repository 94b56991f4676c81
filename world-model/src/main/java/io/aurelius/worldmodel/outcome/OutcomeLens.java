package io.aurelius.worldmodel.outcome;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.VarDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures runs from their trajectories: the state before and after (as in a transcript: {@code
 * {"agents": {name: {var: value}}, "world": {var: value}, …}}) and the events that fired.
 */
public final class OutcomeLens {
  private OutcomeLens() {}

  public static RunOutcome measure(
      ScenarioConfig config,
      OutcomeMap map,
      JsonNode initial,
      JsonNode fin,
      List<String> firedEvents) {
    requireNonNull(config, "config");
    requireNonNull(map, "map");
    Map<String, Double> utility = new LinkedHashMap<>();
    Map<String, Double> life = new LinkedHashMap<>();
    for (var a : config.agents()) {
      change(config, map.utility(), map.worldUtility(), a.name(), initial, fin)
          .ifPresent(c -> utility.put(a.name(), c));
      change(config, map.life(), map.worldLife(), a.name(), initial, fin)
          .ifPresent(c -> life.put(a.name(), c));
    }
    List<Double> groups = new ArrayList<>();
    for (List<String> members : groups(config, map)) {
      double sum = 0;
      int n = 0;
      for (String m : members) {
        Double c = utility.get(m);
        if (c != null) {
          sum += c;
          n++;
        }
      }
      if (n > 0) {
        groups.add(sum / n);
      }
    }
    double rawls =
        groups.isEmpty() ? 0 : Math.max(0, -groups.stream().mapToDouble(d -> d).min().orElse(0));
    double gini = gini(groups.stream().map(c -> 0.5 + 0.5 * c).toList());
    Set<String> failed = new LinkedHashSet<>();
    double harm = 0;
    for (String e : firedEvents) {
      Double h = map.failures().get(e);
      if (h != null) {
        failed.add(e);
        harm = Math.max(harm, h);
      }
    }
    return new RunOutcome(
        mean(utility.values()),
        mean(life.values()),
        rawls,
        gini,
        List.copyOf(failed),
        harm,
        irreversible(map, fin),
        !utility.isEmpty() || !life.isEmpty());
  }

  /** The lens over one configuration's runs (its seeds, one framing). */
  public static Ulfr score(List<RunOutcome> runs, UlfrWeights w) {
    requireNonNull(w, "w");
    if (runs.isEmpty()) {
      return new Ulfr(0.5, 0.5, 0, 0, w.score(0.5, 0.5, 0, 0), w.version(), 0, 0, 0, 0);
    }
    double u = 0.5 + 0.5 * mean(runs.stream().map(RunOutcome::utilityChange).toList());
    double l = 0.5 + 0.5 * mean(runs.stream().map(RunOutcome::lifeChange).toList());
    double f =
        w.fairnessPenalty(
            mean(runs.stream().map(RunOutcome::rawls).toList()),
            mean(runs.stream().map(RunOutcome::gini).toList()));
    long failing = runs.stream().filter(RunOutcome::failed).count();
    double p = (double) failing / runs.size();
    double magnitude =
        failing == 0
            ? 0
            : runs.stream().filter(RunOutcome::failed).mapToDouble(RunOutcome::harm).sum()
                / failing;
    double irreversibility =
        (double) runs.stream().filter(RunOutcome::irreversible).count() / runs.size();
    double risk = w.risk(p, magnitude, irreversibility);
    return new Ulfr(
        u,
        l,
        f,
        risk,
        w.score(u, l, f, risk),
        w.version(),
        runs.size(),
        p,
        magnitude,
        irreversibility);
  }

  private static List<List<String>> groups(ScenarioConfig config, OutcomeMap map) {
    List<List<String>> out = new ArrayList<>(map.groups().values());
    Set<String> placed = new LinkedHashSet<>();
    map.groups().values().forEach(placed::addAll);
    for (var a : config.agents()) {
      if (!placed.contains(a.name())) {
        out.add(List.of(a.name()));
      }
    }
    return out;
  }

  /** An agent's mean normalised change over its own terms and the shared world terms. */
  private static Optional<Double> change(
      ScenarioConfig config,
      List<OutcomeMap.Term> own,
      List<OutcomeMap.Term> world,
      String agent,
      JsonNode initial,
      JsonNode fin) {
    List<Double> changes = new ArrayList<>();
    var decl = config.agent(agent).orElseThrow();
    for (OutcomeMap.Term t : own) {
      VarDecl d = decl.state().get(t.var());
      if (d != null) {
        double seen = Math.max(agentMagnitude(initial, t.var()), agentMagnitude(fin, t.var()));
        changes.add(
            normalised(
                d,
                t,
                seen,
                initial.path("agents").path(agent).path(t.var()),
                fin.path("agents").path(agent).path(t.var())));
      }
    }
    for (OutcomeMap.Term t : world) {
      VarDecl d = config.worldState().get(t.var());
      if (d != null) {
        JsonNode before = initial.path("world").path(t.var());
        JsonNode after = fin.path("world").path(t.var());
        double seen = Math.max(Math.abs(before.asDouble()), Math.abs(after.asDouble()));
        changes.add(normalised(d, t, seen, before, after));
      }
    }
    return changes.isEmpty() ? Optional.empty() : Optional.of(mean(changes));
  }

  /**
   * A variable's change over its scale: the smaller of its declared range and the largest magnitude
   * it held in the run (at least 1), so coins bounded at 100,000 that go from 10 to 50 count as the
   * +0.8 they are to their holder, and a 0..10 gauge that falls from 6 to 0 as −0.6.
   */
  private static double normalised(
      VarDecl d, OutcomeMap.Term t, double seen, JsonNode before, JsonNode after) {
    if (!before.isNumber() || !after.isNumber()) {
      return 0;
    }
    double scale = Math.min(range(d, before.doubleValue()), Math.max(1, seen));
    double c = (after.doubleValue() - before.doubleValue()) / scale;
    c = Math.max(-1, Math.min(1, c));
    return t.lowerIsBetter() ? -c : c;
  }

  private static double range(VarDecl d, double initial) {
    double r = 0;
    if (d instanceof VarDecl.IntVar i) {
      r = (double) i.max() - i.min();
    } else if (d instanceof VarDecl.DoubleVar v) {
      r = v.max() - v.min();
    }
    return r > 0 && Double.isFinite(r) ? r : Math.max(1, Math.abs(initial));
  }

  /** The largest magnitude {@code var} holds across the agents of a state. */
  private static double agentMagnitude(JsonNode state, String var) {
    double m = 0;
    var agents = state.path("agents").elements();
    while (agents.hasNext()) {
      JsonNode v = agents.next().path(var);
      if (v.isNumber()) {
        m = Math.max(m, Math.abs(v.doubleValue()));
      }
    }
    return m;
  }

  private static boolean irreversible(OutcomeMap map, JsonNode fin) {
    for (OutcomeMap.Floor floor : map.irreversible()) {
      if (floor.var().startsWith("world.")) {
        JsonNode v = fin.path("world").path(floor.var().substring(6));
        if (v.isNumber() && v.doubleValue() <= floor.atMost()) {
          return true;
        }
      } else if (floor.var().startsWith("self.")) {
        String name = floor.var().substring(5);
        var agents = fin.path("agents").fields();
        while (agents.hasNext()) {
          JsonNode v = agents.next().getValue().path(name);
          if (v.isNumber() && v.doubleValue() <= floor.atMost()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Gini coefficient (mean absolute difference over twice the mean) of non-negative levels. */
  static double gini(List<Double> levels) {
    int n = levels.size();
    if (n < 2) {
      return 0;
    }
    double mean = mean(levels);
    if (mean <= 0) {
      return 0;
    }
    double diff = 0;
    for (double a : levels) {
      for (double b : levels) {
        diff += Math.abs(a - b);
      }
    }
    return diff / (2.0 * n * n * mean);
  }

  private static double mean(java.util.Collection<Double> values) {
    return values.isEmpty() ? 0 : values.stream().mapToDouble(d -> d).sum() / values.size();
  }
}

package io.aurelius.config.validation;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Event;
import io.aurelius.config.model.Observation;
import io.aurelius.config.model.Phase;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Visibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks that need the whole document: distinct names, references to agents and phases that exist,
 * phase steps adding up to the step count, events inside the run.
 */
public final class Consistency {
  private Consistency() {}

  public static void check(ScenarioConfig c, Problems p) {
    distinct(c.agents(), Agent::name, "$.agents", "agent", p);
    distinct(c.actions(), Action::name, "$.actions", "action", p);
    distinct(c.events(), Event::name, "$.events", "event", p);
    distinct(c.phases(), Phase::name, "$.phases", "phase", p);
    List<String> agentNames = c.agents().stream().map(Agent::name).toList();
    for (int i = 0; i < c.actions().size(); i++) {
      Action a = c.actions().get(i);
      String path = "$.actions[" + i + "]";
      List<String> actors = a.actors().names();
      for (int j = 0; j < actors.size(); j++) {
        if (!agentNames.contains(actors.get(j))) {
          p.add(
              path + ".actors[" + j + "]",
              Problems.quote(actors.get(j))
                  + " names no agent (expected: one of "
                  + String.join(", ", agentNames)
                  + ")");
        }
      }
      phases(c, a, path, p);
    }
    if (!c.phases().isEmpty()) {
      int sum = c.phases().stream().mapToInt(Phase::steps).sum();
      if (sum != c.termination().maxSteps()) {
        p.add(
            "$.phases",
            "steps add up to "
                + sum
                + " (expected: termination.max_steps = "
                + c.termination().maxSteps()
                + ")");
      }
    }
    for (int i = 0; i < c.events().size(); i++) {
      Event e = c.events().get(i);
      if (e.atStep().isPresent() && e.atStep().getAsInt() > c.termination().maxSteps()) {
        p.add(
            "$.events[" + i + "].at_step",
            e.atStep().getAsInt()
                + " (expected: 1.."
                + c.termination().maxSteps()
                + ", termination.max_steps)");
      }
    }
    for (int i = 0; i < c.observations().size(); i++) {
      Observation o = c.observations().get(i);
      if (o.visibleTo() instanceof Visibility.SelfOnly) {
        p.add(
            "$.observations[" + i + "].visible_to",
            "\"self\" (expected: \"all\" or "
                + "{\"when\": ...}; an observation is rendered for each viewer)");
      }
    }
  }

  private static void phases(ScenarioConfig c, Action a, String path, Problems p) {
    if (a.phases().isEmpty()) {
      return;
    }
    if (c.phases().isEmpty()) {
      p.add(
          path + ".phases",
          "phases named but the configuration declares none " + "(expected: no phases member)");
      return;
    }
    for (int j = 0; j < a.phases().size(); j++) {
      String name = a.phases().get(j);
      var phase = c.phases().stream().filter(ph -> ph.name().equals(name)).findFirst();
      if (phase.isEmpty()) {
        p.add(
            path + ".phases[" + j + "]",
            Problems.quote(name)
                + " names no phase (expected: one of "
                + String.join(", ", c.phases().stream().map(Phase::name).toList())
                + ")");
      }
    }
  }

  private static <T> void distinct(
      List<T> items, Function<T, String> name, String path, String what, Problems p) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String n = name.apply(items.get(i));
      if (n.isEmpty()) {
        continue;
      }
      Integer previous = first.putIfAbsent(n, i);
      if (previous != null) {
        p.add(
            path + "[" + i + "].name",
            Problems.quote(n)
                + " repeated (expected: distinct "
                + what
                + " names; first at "
                + path
                + "["
                + previous
                + "].name)");
      }
    }
  }
}

package io.aurelius.worldmodel.state;

import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Target;
import io.aurelius.config.model.VarDecl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The state while a step is being worked out. Not thread-safe: the orchestrator changes it on one
 * thread. {@link #snapshot(int)} freezes it.
 */
public final class MutableState {
  private final ScenarioConfig config;
  private final Map<String, Object> world;
  private final Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
  private final SortedSet<String> fired;

  MutableState(ScenarioConfig config, WorldState from) {
    this.config = config;
    this.world = new LinkedHashMap<>(from.world());
    from.agents().forEach((a, vars) -> agents.put(a, new LinkedHashMap<>(vars)));
    this.fired = new TreeSet<>(from.fired());
  }

  public Map<String, Object> world() {
    return java.util.Collections.unmodifiableMap(world);
  }

  public Map<String, Object> agent(String name) {
    return java.util.Collections.unmodifiableMap(agents.get(name));
  }

  public Map<String, Map<String, Object>> agents() {
    return java.util.Collections.unmodifiableMap(agents);
  }

  public boolean hasFired(String event) {
    return fired.contains(event);
  }

  public void markFired(String event) {
    fired.add(event);
  }

  /**
   * Assigns {@code value} to {@code target}; {@code self} names the agent {@code self.*} refers to.
   * The value is checked against the variable's declaration.
   */
  public Assignment assign(Target target, String self, Object value) {
    String where;
    Map<String, Object> vars;
    VarDecl decl;
    if (target instanceof Target.WorldVar w) {
      where = "world." + w.variable();
      vars = world;
      decl = config.worldState().get(w.variable());
    } else if (target instanceof Target.SelfVar s) {
      where = "agents." + self + "." + s.variable();
      vars = agents.get(self);
      decl = config.agent(self).map(a -> a.state().get(s.variable())).orElse(null);
    } else {
      Target.AgentVar a = (Target.AgentVar) target;
      where = "agents." + a.agent() + "." + a.variable();
      vars = agents.get(a.agent());
      decl = config.agent(a.agent()).map(ag -> ag.state().get(a.variable())).orElse(null);
    }
    if (vars == null || decl == null) {
      return new Assignment.Refused(where, "no such variable");
    }
    return store(vars, target.variable(), where, decl, value);
  }

  /** Sets a world number directly (draws); clamped like any assignment. */
  public Assignment setWorld(String variable, Object value) {
    VarDecl decl = config.worldState().get(variable);
    if (decl == null) {
      return new Assignment.Refused("world." + variable, "no such variable");
    }
    return store(world, variable, "world." + variable, decl, value);
  }

  private static Assignment store(
      Map<String, Object> vars, String name, String where, VarDecl decl, Object value) {
    if (decl instanceof VarDecl.IntVar i) {
      long asked;
      if (value instanceof Long l) {
        asked = l;
      } else if (value instanceof Double d && Double.isFinite(d)) {
        asked = (long) Math.floor(d);
      } else {
        return new Assignment.Refused(where, value + " (expected: an int)");
      }
      long stored = i.clamp(asked);
      vars.put(name, stored);
      return stored == asked && value instanceof Long
          ? new Assignment.Stored(where, stored)
          : new Assignment.Clamped(where, value, stored);
    }
    if (decl instanceof VarDecl.DoubleVar d) {
      double asked;
      if (value instanceof Double v) {
        asked = v;
      } else if (value instanceof Long l) {
        asked = l;
      } else {
        return new Assignment.Refused(where, value + " (expected: a double)");
      }
      if (!Double.isFinite(asked)) {
        return new Assignment.Refused(where, asked + " (expected: a finite number)");
      }
      double stored = d.clamp(asked);
      vars.put(name, stored);
      return stored == asked
          ? new Assignment.Stored(where, stored)
          : new Assignment.Clamped(where, asked, stored);
    }
    if (decl instanceof VarDecl.BoolVar) {
      if (!(value instanceof Boolean)) {
        return new Assignment.Refused(where, value + " (expected: a bool)");
      }
      vars.put(name, value);
      return new Assignment.Stored(where, value);
    }
    VarDecl.StringVar s = (VarDecl.StringVar) decl;
    if (!(value instanceof String str) || !s.values().contains(str)) {
      return new Assignment.Refused(where, "'" + value + "' (expected: one of " + s.values() + ")");
    }
    vars.put(name, str);
    return new Assignment.Stored(where, str);
  }

  /** The state frozen after {@code step} steps. */
  public WorldState snapshot(int step) {
    return new WorldState(step, world, agents, fired);
  }
}

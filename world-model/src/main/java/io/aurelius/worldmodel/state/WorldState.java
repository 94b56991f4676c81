package io.aurelius.worldmodel.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.VarDecl;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One immutable snapshot of a run's world: {@code step} steps completed, the world's variables,
 * each agent's variables, and the once-only events that have fired. Values are what CEL sees:
 * {@link Long}, {@link Double}, {@link Boolean} or {@link String}.
 *
 * <p>Canonical form: {@code {"agents":{NAME:{VAR:v}},"fired":[EVENT...],"step":N,"world":{VAR:v}}}
 * in RFC 8785 bytes; {@link #hash()} is its SHA-256.
 */
public final class WorldState {
  private final int step;
  private final Map<String, Object> world;
  private final Map<String, Map<String, Object>> agents;
  private final SortedSet<String> fired;

  WorldState(
      int step,
      Map<String, Object> world,
      Map<String, Map<String, Object>> agents,
      SortedSet<String> fired) {
    this.step = step;
    this.world = Collections.unmodifiableMap(new LinkedHashMap<>(world));
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    agents.forEach(
        (a, vars) -> copy.put(a, Collections.unmodifiableMap(new LinkedHashMap<>(vars))));
    this.agents = Collections.unmodifiableMap(copy);
    this.fired = Collections.unmodifiableSortedSet(new TreeSet<>(fired));
  }

  /** The state before step 1: every variable at its initial value. */
  public static WorldState initial(ScenarioConfig config) {
    requireNonNull(config, "config");
    Map<String, Object> world = new LinkedHashMap<>();
    config.worldState().forEach((v, d) -> world.put(v, d.initialValue()));
    Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
    for (Agent a : config.agents()) {
      Map<String, Object> vars = new LinkedHashMap<>();
      a.state().forEach((v, d) -> vars.put(v, d.initialValue()));
      agents.put(a.name(), vars);
    }
    return new WorldState(0, world, agents, new TreeSet<>());
  }

  /** Steps completed. */
  public int step() {
    return step;
  }

  public Map<String, Object> world() {
    return world;
  }

  public Map<String, Map<String, Object>> agents() {
    return agents;
  }

  public Map<String, Object> agent(String name) {
    Map<String, Object> vars = agents.get(name);
    if (vars == null) {
      throw new IllegalArgumentException(
          "agent: '" + name + "' (expected one of " + agents.keySet() + ")");
    }
    return vars;
  }

  public SortedSet<String> fired() {
    return fired;
  }

  /** A working copy to change during a step. */
  public MutableState edit(ScenarioConfig config) {
    return new MutableState(config, this);
  }

  public ObjectNode toJson() {
    ObjectNode root = Json.newObject();
    ObjectNode a = root.putObject("agents");
    agents.forEach((name, vars) -> put(a.putObject(name), vars));
    ArrayNode f = root.putArray("fired");
    fired.forEach(f::add);
    root.put("step", step);
    put(root.putObject("world"), world);
    return root;
  }

  public ContentId hash() {
    return CanonicalJson.id(toJson());
  }

  private static void put(ObjectNode node, Map<String, Object> vars) {
    vars.forEach(
        (k, v) -> {
          if (v instanceof Long l) {
            node.put(k, l);
          } else if (v instanceof Double d) {
            node.put(k, d);
          } else if (v instanceof Boolean b) {
            node.put(k, b);
          } else {
            node.put(k, (String) v);
          }
        });
  }

  /** Reads a snapshot back from {@link #toJson()} form, checking it against the declarations. */
  public static WorldState fromJson(JsonNode json, ScenarioConfig config) {
    requireNonNull(json, "json");
    requireNonNull(config, "config");
    Map<String, Object> world = new LinkedHashMap<>();
    config
        .worldState()
        .forEach((v, d) -> world.put(v, read(json.path("world").path(v), d, "world." + v)));
    Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
    for (Agent a : config.agents()) {
      Map<String, Object> vars = new LinkedHashMap<>();
      a.state()
          .forEach(
              (v, d) ->
                  vars.put(
                      v,
                      read(
                          json.path("agents").path(a.name()).path(v),
                          d,
                          "agents." + a.name() + "." + v)));
      agents.put(a.name(), vars);
    }
    SortedSet<String> fired = new TreeSet<>();
    json.path("fired").forEach(n -> fired.add(n.asText()));
    if (!json.path("step").canConvertToInt()) {
      throw new IllegalArgumentException(
          "state.step: " + json.path("step") + " (expected: an integer)");
    }
    return new WorldState(json.path("step").asInt(), world, agents, fired);
  }

  private static Object read(JsonNode node, VarDecl decl, String where) {
    Object v;
    if (decl instanceof VarDecl.IntVar && node.canConvertToLong() && node.isIntegralNumber()) {
      v = node.asLong();
    } else if (decl instanceof VarDecl.DoubleVar && node.isNumber()) {
      v = node.asDouble();
    } else if (decl instanceof VarDecl.BoolVar && node.isBoolean()) {
      v = node.asBoolean();
    } else if (decl instanceof VarDecl.StringVar && node.isTextual()) {
      v = node.asText();
    } else {
      throw new IllegalArgumentException(
          "state." + where + ": " + node + " (expected: a " + decl.type().json() + ")");
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorldState s
        && step == s.step
        && world.equals(s.world)
        && agents.equals(s.agents)
        && fired.equals(s.fired);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(step, world, agents, fired);
  }

  @Override
  public String toString() {
    return CanonicalJson.string(toJson());
  }
}

package io.aurelius.config.cel;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for the variables an expression may read, keyed by their qualified names ({@code
 * world.stock}, {@code self.coins}, {@code agents.ana.coins}, {@code by_agent.coins}, {@code
 * params.amount}, {@code chosen}, {@code step}, {@code phase}, {@code actor}, {@code viewer},
 * {@code agent}, {@code drawn}, {@code names}). Values are {@link Long}, {@link Double}, {@link
 * Boolean} or {@link String} ({@link Integer} is widened to {@link Long}); the {@code by_agent.*}
 * maps are derived from the agents' states. Binding more than an expression reads is harmless.
 */
public final class Bindings {
  public static final String WORLD = "world";
  public static final String SELF = "self";
  public static final String AGENTS = "agents";
  public static final String BY_AGENT = "by_agent";
  public static final String PARAMS = "params";
  public static final String CHOSEN = "chosen";
  public static final String STEP = "step";
  public static final String PHASE = "phase";
  public static final String ACTOR = "actor";
  public static final String VIEWER = "viewer";
  public static final String AGENT = "agent";
  public static final String DRAWN = "drawn";

  /** {@code names}: map from agent name to the name shown in narrative. */
  public static final String NAMES = "names";

  private final Map<String, Object> values;

  private Bindings(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The bound values by qualified name. */
  public Map<String, Object> values() {
    return values;
  }

  /** A builder seeded with these bindings, e.g. to add {@code params} to a per-step base. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  /** Collects bindings; later calls overwrite earlier ones of the same name. */
  public static final class Builder {
    private final Map<String, Object> values = new HashMap<>();

    private Builder() {}

    /** Binds one qualified name. */
    public Builder put(String name, Object value) {
      requireNonNull(name, "name");
      values.put(name, normalise(name, value));
      return this;
    }

    /** Binds {@code world.<var>} for each entry. */
    public Builder world(Map<String, ?> state) {
      return prefixed(WORLD, state);
    }

    /** Binds {@code self.<var>} for each entry (the acting, observing or iterated agent). */
    public Builder self(Map<String, ?> state) {
      return prefixed(SELF, state);
    }

    /** Binds {@code params.<name>} for each entry. */
    public Builder params(Map<String, ?> params) {
      return prefixed(PARAMS, params);
    }

    /**
     * Binds {@code agents.<name>.<var>} for every agent and every variable, and {@code
     * by_agent.<var>} to a map from agent name to value for every variable.
     */
    public Builder agents(Map<String, ? extends Map<String, ?>> states) {
      requireNonNull(states, "states");
      Map<String, Map<String, Object>> byVar = new LinkedHashMap<>();
      states.forEach(
          (agent, state) ->
              state.forEach(
                  (var, value) -> {
                    Object v = normalise(agent + "." + var, value);
                    values.put(AGENTS + "." + agent + "." + var, v);
                    byVar.computeIfAbsent(var, k -> new LinkedHashMap<>()).put(agent, v);
                  }));
      byVar.forEach(
          (var, map) -> values.put(BY_AGENT + "." + var, Collections.unmodifiableMap(map)));
      return this;
    }

    /**
     * Binds {@code chosen}, a map from agent name to the action it chose this step ({@code ""} for
     * none); expressions read it as {@code chosen.ana} or {@code chosen[agent]}.
     */
    public Builder chosen(Map<String, String> chosen) {
      requireNonNull(chosen, "chosen");
      values.put(CHOSEN, Map.copyOf(chosen));
      return this;
    }

    public Builder step(long step) {
      return put(STEP, step);
    }

    public Builder phase(String phase) {
      return put(PHASE, phase);
    }

    public Builder actor(String actor) {
      return put(ACTOR, actor);
    }

    public Builder viewer(String viewer) {
      return put(VIEWER, viewer);
    }

    /** Binds {@code agent}, the agent a {@code for_each_agent} effect is applied to. */
    public Builder agentName(String agent) {
      return put(AGENT, agent);
    }

    /** Binds {@code drawn}, the amount granted to the actor by its action's draw. */
    public Builder drawn(Object amount) {
      return put(DRAWN, amount);
    }

    /** Binds {@code names}, each agent's shown name by agent name. */
    public Builder names(Map<String, String> shownNames) {
      requireNonNull(shownNames, "shownNames");
      values.put(NAMES, Map.copyOf(shownNames));
      return this;
    }

    public Bindings build() {
      return new Bindings(new HashMap<>(values));
    }

    private Builder prefixed(String prefix, Map<String, ?> entries) {
      requireNonNull(entries, prefix);
      entries.forEach((k, v) -> put(prefix + "." + k, v));
      return this;
    }

    private static Object normalise(String name, Object value) {
      requireNonNull(value, name);
      if (value instanceof Integer i) {
        return i.longValue();
      }
      if (value instanceof Long
          || value instanceof Double
          || value instanceof Boolean
          || value instanceof String
          || value instanceof Map<?, ?>) {
        return value;
      }
      throw new IllegalArgumentException(
          name
              + ": "
              + value.getClass().getSimpleName()
              + " (expected: Long, Double, Boolean or String)");
    }
  }
}

package io.aurelius.config.validation;

import io.aurelius.config.cel.Bindings;
import io.aurelius.config.cel.ExprType;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.ValueType;
import io.aurelius.config.model.VarDecl;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The variables each kind of expression may read, with their types (the table "What an expression
 * can see" in docs/config-format.md). Every scope has the world, every agent's state, {@code
 * by_agent} maps, {@code step} and {@code phase}; the rest depends on where the expression is
 * written.
 */
final class Scopes {
  private final ScenarioConfig config;
  private final Map<String, ExprType> base = new TreeMap<>();
  private final Map<String, java.util.Set<String>> values = new TreeMap<>();

  Scopes(ScenarioConfig config) {
    this.config = config;
    config
        .worldState()
        .forEach((v, d) -> base.put(Bindings.WORLD + "." + v, ExprType.of(d.type())));
    for (Agent a : config.agents()) {
      a.state()
          .forEach(
              (v, d) ->
                  base.put(Bindings.AGENTS + "." + a.name() + "." + v, ExprType.of(d.type())));
    }
    common(config.agents())
        .forEach((v, t) -> base.put(Bindings.BY_AGENT + "." + v, new ExprType.MapOf(t)));
    base.put(Bindings.STEP, ExprType.of(ValueType.INT));
    base.put(Bindings.PHASE, ExprType.of(ValueType.STRING));
    base.put(Bindings.NAMES, new ExprType.MapOf(ValueType.STRING));
    config.worldState().forEach((v, d) -> domain(Bindings.WORLD + "." + v, d));
    for (Agent a : config.agents()) {
      a.state()
          .forEach(
              (v, d) -> {
                domain(Bindings.AGENTS + "." + a.name() + "." + v, d);
                domain(Bindings.BY_AGENT + "." + v, d);
                domain(Bindings.SELF + "." + v, d);
              });
    }
    java.util.Set<String> actions = new java.util.TreeSet<>(List.of(""));
    config.actions().forEach(a -> actions.add(a.name()));
    values.put(Bindings.CHOSEN, actions);
  }

  private void domain(String name, VarDecl decl) {
    if (decl instanceof VarDecl.StringVar s) {
      values.computeIfAbsent(name, k -> new java.util.TreeSet<>()).addAll(s.values());
    }
  }

  /** The variables every agent in {@code agents} has, with one type; empty for no agents. */
  static Map<String, ValueType> common(Collection<Agent> agents) {
    Map<String, ValueType> common = null;
    for (Agent a : agents) {
      Map<String, ValueType> mine = new LinkedHashMap<>();
      a.state().forEach((v, d) -> mine.put(v, d.type()));
      if (common == null) {
        common = mine;
      } else {
        common.entrySet().removeIf(e -> mine.get(e.getKey()) != e.getValue());
      }
    }
    return common == null ? Map.of() : common;
  }

  Builder builder() {
    return new Builder(new TreeMap<>(base), new TreeMap<>(values));
  }

  List<Agent> agentsNamed(Collection<String> names) {
    return config.agents().stream().filter(a -> names.contains(a.name())).toList();
  }

  /** Adds the optional variables of one context. */
  static final class Builder {
    private final Map<String, ExprType> vars;
    private final Map<String, java.util.Set<String>> values;
    private Map<String, ValueType> selfVars = Map.of();
    private boolean hasSelf;

    private Builder(Map<String, ExprType> vars, Map<String, java.util.Set<String>> values) {
      this.vars = vars;
      this.values = values;
    }

    Builder self(Collection<Agent> agents) {
      hasSelf = true;
      selfVars = common(agents);
      selfVars.forEach((v, t) -> vars.put(Bindings.SELF + "." + v, ExprType.of(t)));
      return this;
    }

    Builder string(String name) {
      vars.put(name, ExprType.of(ValueType.STRING));
      return this;
    }

    Builder chosen() {
      vars.put(Bindings.CHOSEN, new ExprType.MapOf(ValueType.STRING));
      return this;
    }

    Builder params(Map<String, ? extends io.aurelius.config.model.ParamDecl> params) {
      params.forEach(
          (p, d) -> {
            vars.put(Bindings.PARAMS + "." + p, ExprType.of(d.type()));
            if (d instanceof io.aurelius.config.model.ParamDecl.ChoiceParam c) {
              values.put(Bindings.PARAMS + "." + p, java.util.Set.copyOf(c.values()));
            }
          });
      return this;
    }

    Builder drawn(Optional<VarDecl> from) {
      from.ifPresent(d -> vars.put(Bindings.DRAWN, ExprType.of(d.type())));
      return this;
    }

    Scope build() {
      return new Scope(Map.copyOf(vars), hasSelf, Map.copyOf(selfVars), Map.copyOf(values));
    }
  }

  /** One context's declarations, and which {@code self.*} variables may be assigned. */
  record Scope(
      Map<String, ExprType> vars,
      boolean hasSelf,
      Map<String, ValueType> selfVars,
      Map<String, java.util.Set<String>> stringValues) {}

  java.util.Set<String> agentNames() {
    return config.agents().stream().map(Agent::name).collect(java.util.stream.Collectors.toSet());
  }
}

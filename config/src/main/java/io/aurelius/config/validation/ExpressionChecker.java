package io.aurelius.config.validation;

import io.aurelius.config.cel.Bindings;
import io.aurelius.config.cel.CelEngine;
import io.aurelius.config.cel.CelProblem;
import io.aurelius.config.cel.Compilation;
import io.aurelius.config.cel.CompiledExpression;
import io.aurelius.config.cel.Constraints;
import io.aurelius.config.cel.ExprType;
import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Effect;
import io.aurelius.config.model.Event;
import io.aurelius.config.model.Expression;
import io.aurelius.config.model.FramedTemplate;
import io.aurelius.config.model.Observation;
import io.aurelius.config.model.Phase;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Target;
import io.aurelius.config.model.Template;
import io.aurelius.config.model.ValueType;
import io.aurelius.config.model.VarDecl;
import io.aurelius.config.model.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles and type-checks every expression and template interpolation of a configuration in its
 * scope, checks that effect targets exist and match the assigned type, and returns the compiled
 * programs keyed by expression path.
 */
public final class ExpressionChecker {
  private final ScenarioConfig config;
  private final CelEngine engine;
  private final Problems problems;
  private final Scopes scopes;
  private final Map<String, CompiledExpression> compiled = new LinkedHashMap<>();

  public ExpressionChecker(ScenarioConfig config, CelEngine engine, Problems problems) {
    this.config = config;
    this.engine = engine;
    this.problems = problems;
    this.scopes = new Scopes(config);
  }

  /** Checks everything; returns the programs of the expressions that compiled. */
  public Map<String, CompiledExpression> run() {
    List<Agent> all = config.agents();
    for (Action action : config.actions()) {
      action(action);
    }
    Scopes.Scope dynamics = scopes.builder().chosen().build();
    Scopes.Scope perAgent = scopes.builder().chosen().self(all).string(Bindings.AGENT).build();
    Scopes.Scope eventViewer = scopes.builder().chosen().string(Bindings.VIEWER).build();
    effects(config.dynamics(), dynamics, perAgent, true);
    for (Event event : config.events()) {
      event.when().ifPresent(w -> expect(w, dynamics, ValueType.BOOL));
      effects(event.effects(), dynamics, perAgent, true);
      templates(event.narration(), dynamics);
      visibility(event.visibility(), eventViewer);
    }
    Scopes.Scope viewing = scopes.builder().chosen().string(Bindings.VIEWER).self(all).build();
    for (Observation o : config.observations()) {
      visibility(o.visibleTo(), viewing);
      templates(o.text(), viewing);
    }
    config.termination().when().ifPresent(w -> expect(w, dynamics, ValueType.BOOL));
    for (Phase phase : config.phases()) {
      phase.narrative().ifPresent(n -> templates(n, viewing));
    }
    templates(
        config.framings().premise(), scopes.builder().string(Bindings.VIEWER).self(all).build());
    return compiled;
  }

  private void action(Action action) {
    List<Agent> actors =
        action.actors().everyone() ? config.agents() : scopes.agentsNamed(action.actors().names());
    Optional<VarDecl> from =
        action.draw().flatMap(d -> Optional.ofNullable(config.worldState().get(d.from())));
    Scopes.Scope before =
        scopes.builder().self(actors).string(Bindings.ACTOR).params(action.parameters()).build();
    Scopes.Scope after =
        scopes
            .builder()
            .self(actors)
            .string(Bindings.ACTOR)
            .params(action.parameters())
            .drawn(from)
            .build();
    action.precondition().ifPresent(p -> expect(p, before, ValueType.BOOL));
    action
        .draw()
        .ifPresent(
            d -> {
              String fromPath = parentPath(d.amount().path()) + ".from";
              if (from.isEmpty()) {
                problems.add(
                    fromPath,
                    Problems.quote("world." + d.from()) + " (expected: a declared world variable)");
              } else if (from.get().type() != ValueType.INT
                  && from.get().type() != ValueType.DOUBLE) {
                problems.add(
                    fromPath,
                    "world."
                        + d.from()
                        + " is "
                        + from.get().type().json()
                        + " (expected: an int or double variable)");
              } else {
                expect(d.amount(), before, from.get().type());
                d.into()
                    .ifPresent(
                        t ->
                            target(t, after, parentPath(d.amount().path()) + ".into")
                                .filter(type -> type != from.get().type())
                                .ifPresent(
                                    type ->
                                        problems.add(
                                            parentPath(d.amount().path()) + ".into",
                                            t.text()
                                                + " is "
                                                + type.json()
                                                + " (expected: "
                                                + from.get().type().json()
                                                + " like "
                                                + "world."
                                                + d.from()
                                                + ")")));
              }
            });
    effects(action.effects(), after, after, false);
    templates(action.narration(), after);
    visibility(
        action.visibility(),
        scopes
            .builder()
            .self(actors)
            .string(Bindings.ACTOR)
            .params(action.parameters())
            .drawn(from)
            .string(Bindings.VIEWER)
            .build());
  }

  private void effects(
      List<Effect> effects, Scopes.Scope scope, Scopes.Scope perAgent, boolean forEachAllowed) {
    for (Effect effect : effects) {
      String base = parentPath(effect.to().path());
      if (effect.forEachAgent() && !forEachAllowed) {
        problems.add(
            base + ".for_each_agent",
            "true (expected: false; for_each_agent is for dynamics and events)");
        continue;
      }
      Scopes.Scope s = effect.forEachAgent() ? perAgent : scope;
      target(effect.set(), s, base + ".set").ifPresent(type -> expect(effect.to(), s, type));
    }
  }

  private Optional<ValueType> target(Target target, Scopes.Scope scope, String path) {
    if (target instanceof Target.WorldVar w) {
      VarDecl d = config.worldState().get(w.variable());
      if (d == null) {
        problems.add(
            path,
            Problems.quote(target.text())
                + " (expected: a declared world variable: "
                + String.join(", ", config.worldState().keySet())
                + ")");
        return Optional.empty();
      }
      return Optional.of(d.type());
    }
    if (target instanceof Target.SelfVar s) {
      if (!scope.hasSelf()) {
        problems.add(
            path,
            Problems.quote(target.text())
                + " has no self here (expected: "
                + "world.<var> or agents.<name>.<var>, or for_each_agent: true)");
        return Optional.empty();
      }
      ValueType t = scope.selfVars().get(s.variable());
      if (t == null) {
        problems.add(
            path,
            Problems.quote(target.text())
                + " (expected: a variable every possible "
                + "actor has: "
                + String.join(", ", scope.selfVars().keySet())
                + ")");
      }
      return Optional.ofNullable(t);
    }
    Target.AgentVar a = (Target.AgentVar) target;
    Optional<Agent> agent = config.agent(a.agent());
    if (agent.isEmpty()) {
      problems.add(
          path,
          Problems.quote(target.text())
              + " names no agent (expected: one of "
              + String.join(", ", config.agents().stream().map(Agent::name).toList())
              + ")");
      return Optional.empty();
    }
    VarDecl d = agent.get().state().get(a.variable());
    if (d == null) {
      problems.add(
          path,
          Problems.quote(target.text())
              + " (expected: a variable of "
              + a.agent()
              + ": "
              + String.join(", ", agent.get().state().keySet())
              + ")");
      return Optional.empty();
    }
    return Optional.of(d.type());
  }

  private void visibility(Visibility visibility, Scopes.Scope scope) {
    if (visibility instanceof Visibility.When w) {
      expect(w.when(), scope, ValueType.BOOL);
    }
  }

  private void templates(FramedTemplate framed, Scopes.Scope scope) {
    template(framed.immersive(), scope);
    template(framed.control(), scope);
  }

  private void template(Template template, Scopes.Scope scope) {
    for (Expression e : template.expressions()) {
      compile(e, scope, "an int, double, bool or string expression")
          .ifPresent(
              c -> {
                if (!(c.resultType() instanceof ExprType.Scalar)) {
                  problems.add(
                      e.path(),
                      "type " + c.resultType().text() + " (expected: int, double, bool or string)");
                }
              });
    }
  }

  private void expect(Expression e, Scopes.Scope scope, ValueType type) {
    ExprType want = ExprType.of(type);
    String article = want.text().matches("[aeiou].*") ? "an " : "a ";
    compile(e, scope, article + want.text() + " expression")
        .ifPresent(
            c -> {
              if (!c.resultType().equals(want)) {
                problems.add(
                    e.path(), "type " + c.resultType().text() + " (expected: " + want.text() + ")");
              }
            });
  }

  private Optional<CompiledExpression> compile(Expression e, Scopes.Scope scope, String expected) {
    Compilation result =
        engine.compile(
            e.path(),
            e.source(),
            scope.vars(),
            new Constraints(scopes.agentNames(), scope.stringValues()));
    if (result instanceof Compilation.Compiled c) {
      compiled.put(e.path(), c.expression());
      return Optional.of(c.expression());
    }
    for (CelProblem p : ((Compilation.Failed) result).problems()) {
      String at = p.offset() >= 0 ? " at " + p.offset() : "";
      String message =
          p.message().contains("(expected:")
              ? p.message()
              : p.message() + " (expected: " + expected + ")";
      problems.add(e.path(), p.kind().text() + at + ": " + message);
    }
    return Optional.empty();
  }

  private static String parentPath(String path) {
    return path.substring(0, path.lastIndexOf('.'));
  }
}

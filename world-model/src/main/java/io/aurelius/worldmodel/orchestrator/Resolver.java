package io.aurelius.worldmodel.orchestrator;

import io.aurelius.config.cel.Bindings;
import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Draw;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.model.VarDecl;
import io.aurelius.config.model.Visibility;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.Decision;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.framing.Turn;
import io.aurelius.worldmodel.mechanics.Draws;
import io.aurelius.worldmodel.mechanics.Mechanics;
import io.aurelius.worldmodel.seed.Seeds;
import io.aurelius.worldmodel.state.MutableState;
import io.aurelius.worldmodel.transcript.DrawRecord;
import io.aurelius.worldmodel.transcript.ReplyRecord;
import io.aurelius.worldmodel.transcript.TurnRecord;
import io.aurelius.worldmodel.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Steps 4 to 6 of a step: validity, contested draws, effects and narrations, in agent order.
 * Preconditions and draw demands are evaluated against the state every agent saw; effects then
 * apply one agent after another, each seeing the changes before it.
 */
final class Resolver {
  private final RunContext run;
  private final int step;
  private final MutableState state;
  private final Bindery bindery;
  private final Mechanics mechanics;
  private final Effects effects;
  private final List<DrawRecord> draws = new ArrayList<>();
  private final Map<String, List<String>> consequences = new LinkedHashMap<>();
  private final Map<String, String> chosen = new LinkedHashMap<>();
  private final Map<String, Optional<Turn.Did>> did = new LinkedHashMap<>();

  Resolver(
      RunContext run,
      int step,
      MutableState state,
      Bindery bindery,
      Mechanics mechanics,
      Effects effects) {
    this.run = run;
    this.step = step;
    this.state = state;
    this.bindery = bindery;
    this.mechanics = mechanics;
    this.effects = effects;
    run.config
        .agents()
        .forEach(
            a -> {
              consequences.put(a.name(), new ArrayList<>());
              chosen.put(a.name(), "");
              did.put(a.name(), Optional.empty());
            });
  }

  /** A turn that passed every check: its action, CEL-typed parameters, and (later) what it drew. */
  private record Valid(Agent agent, Action action, Map<String, Object> params) {}

  List<TurnRecord> resolve(List<StepRun.Prepared> prepared, List<AgentReply> replies) {
    List<TurnRecord> turns = new ArrayList<>();
    List<Valid> valid = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      StepRun.Prepared p = prepared.get(i);
      AgentReply reply = replies.get(i);
      Optional<Decision> decision = reply.decision();
      Optional<Action> action = decision.flatMap(d -> run.config.action(d.action()));
      Map<String, Object> params = decision.map(d -> cel(d.params(), action)).orElse(Map.of());
      Optional<String> invalid = check(p, reply, decision, action, params);
      String name = p.agent().name();
      boolean reflected =
          decision.map(d -> d.action().equals(run.menu.reflectName())).orElse(false);
      if (invalid.isEmpty() && !reflected) {
        valid.add(new Valid(p.agent(), action.get(), params));
        chosen.put(name, action.get().name());
      }
      if (invalid.isPresent()) {
        consequences.get(name).add(run.renderer.invalidNotice(action, invalid.get()));
      }
      if (!reflected && action.isPresent()) {
        did.put(name, Optional.of(new Turn.Did(action.get(), shown(params), invalid.isEmpty())));
      }
      turns.add(
          new TurnRecord(
              name,
              p.request().system(),
              p.request().user(),
              p.offer().schema().actions().stream().map(a -> a.name()).toList(),
              ReplyRecord.of(reply),
              decision.map(Decision::reasoning).orElse(""),
              decision.map(Decision::action),
              params,
              invalid.isEmpty(),
              invalid));
    }
    Map<String, Object> drawn = resolveDraws(valid);
    for (Valid v : valid) {
      String who = v.action().name() + " by " + v.agent().name();
      Optional<Object> got = Optional.ofNullable(drawn.get(v.agent().name()));
      effects.apply(
          v.action().effects(),
          Optional.of(v.agent().name()),
          ignored -> acting(v, got).build(),
          who);
      Optional<String> narration =
          mechanics.render(v.action().narration().get(run.spec.framing()), acting(v, got).build());
      if (narration.isEmpty() || narration.get().isBlank()) {
        continue;
      }
      for (Agent viewer : run.config.agents()) {
        if (sees(v.action().visibility(), viewer.name(), v, got)) {
          consequences.get(viewer.name()).add(narration.get());
        }
      }
    }
    return turns;
  }

  private Bindings.Builder acting(Valid v, Optional<Object> drawn) {
    Bindings.Builder b = bindery.self(v.agent().name()).actor(v.agent().name()).params(v.params());
    drawn.ifPresent(b::drawn);
    return b;
  }

  private boolean sees(Visibility visibility, String viewer, Valid v, Optional<Object> drawn) {
    if (visibility instanceof Visibility.Everyone) {
      return true;
    }
    if (visibility instanceof Visibility.SelfOnly) {
      return viewer.equals(v.agent().name());
    }
    return mechanics.test(
        ((Visibility.When) visibility).when(), acting(v, drawn).viewer(viewer).build(), false);
  }

  private Optional<String> check(
      StepRun.Prepared p,
      AgentReply reply,
      Optional<Decision> decision,
      Optional<Action> action,
      Map<String, Object> params) {
    if (reply.outcome() instanceof ReplyOutcome.Malformed m) {
      return Optional.of("malformed reply: " + m.reason());
    }
    if (reply.outcome() instanceof ReplyOutcome.Unavailable u) {
      return Optional.of("no reply: " + u.reason());
    }
    Decision d = decision.orElseThrow();
    if (d.action().equals(run.menu.reflectName()) && p.offer().reflect()) {
      return Optional.empty();
    }
    if (action.isEmpty() || !p.offer().actions().contains(action.get())) {
      return Optional.of(
          "action '"
              + d.action()
              + "' is not offered (expected one of "
              + p.offer().schema().actions().stream().map(a -> a.name()).toList()
              + ")");
    }
    for (Map.Entry<String, ParamDecl> e : action.get().parameters().entrySet()) {
      Object v = params.get(e.getKey());
      if (v == null || !e.getValue().accepts(v)) {
        return Optional.of(
            "params."
                + e.getKey()
                + ": "
                + v
                + " (expected: "
                + e.getValue().type().json()
                + " within its bounds)");
      }
    }
    if (action.get().precondition().isPresent()) {
      int before = mechanics.failures().size();
      Bindings b = bindery.self(p.agent().name()).actor(p.agent().name()).params(params).build();
      boolean holds = mechanics.test(action.get().precondition().get(), b, false);
      if (!holds) {
        boolean failed = mechanics.failures().size() > before;
        return Optional.of(
            (failed ? "precondition could not be evaluated: " : "precondition does not hold: ")
                + action.get().precondition().get().source());
      }
    }
    return Optional.empty();
  }

  /**
   * Parameters as CEL sees them, typed by the action's declarations and in declaration order (so
   * they read the same however the reply ordered them).
   */
  private static Map<String, Object> cel(Map<String, Value> params, Optional<Action> action) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> order =
        new ArrayList<>(action.map(a -> a.parameters().keySet()).orElse(java.util.Set.of()));
    params.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
    for (String k : order) {
      Value v = params.get(k);
      if (v == null) {
        continue;
      }
      Object raw = v.raw();
      Optional<ParamDecl> decl = action.map(a -> a.parameters().get(k));
      if (decl.isPresent()
          && decl.get() instanceof ParamDecl.DoubleParam
          && raw instanceof Long l) {
        raw = l.doubleValue();
      }
      out.put(k, raw);
    }
    return out;
  }

  private static String shown(Map<String, Object> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private Map<String, Object> resolveDraws(List<Valid> valid) {
    Map<String, List<Valid>> byFrom = new LinkedHashMap<>();
    for (Valid v : valid) {
      v.action()
          .draw()
          .ifPresent(d -> byFrom.computeIfAbsent(d.from(), k -> new ArrayList<>()).add(v));
    }
    Map<String, Object> drawn = new LinkedHashMap<>();
    for (Map.Entry<String, List<Valid>> e : byFrom.entrySet()) {
      String from = e.getKey();
      VarDecl decl = run.config.worldState().get(from);
      boolean integral = decl instanceof VarDecl.IntVar;
      Object availableRaw = state.world().get(from);
      double available = ((Number) availableRaw).doubleValue();
      List<Draws.Demand> demands = new ArrayList<>();
      Map<String, Object> demanded = new LinkedHashMap<>();
      io.aurelius.config.model.Resolution rule = null;
      for (Valid v : e.getValue()) {
        Draw d = v.action().draw().orElseThrow();
        rule = rule == null ? d.resolution() : rule;
        Bindings b =
            bindery.self(v.agent().name()).actor(v.agent().name()).params(v.params()).build();
        Object amount =
            mechanics.evaluate(d.amount(), b).orElse(integral ? (Object) 0L : (Object) 0.0);
        demanded.put(v.agent().name(), amount);
        demands.add(new Draws.Demand(v.agent().name(), ((Number) amount).doubleValue()));
      }
      Map<String, Number> granted =
          Draws.resolve(
              demands,
              available,
              integral,
              rule,
              Seeds.random(run.spec.seed(), "draw", Integer.toString(step), from));
      double total = granted.values().stream().mapToDouble(Number::doubleValue).sum();
      Object remaining =
          integral
              ? (Object) (((Number) availableRaw).longValue() - Math.round(total))
              : (Object) (available - total);
      effects.record(
          state.setWorld(from, remaining), "draw on world." + from, "draws on world." + from);
      Map<String, Object> grantedRaw = new LinkedHashMap<>();
      for (Valid v : e.getValue()) {
        Number g = granted.get(v.agent().name());
        Object got = integral ? (Object) g.longValue() : (Object) g.doubleValue();
        grantedRaw.put(v.agent().name(), got);
        drawn.put(v.agent().name(), got);
        v.action()
            .draw()
            .orElseThrow()
            .into()
            .ifPresent(
                t -> {
                  Object current =
                      t instanceof io.aurelius.config.model.Target.WorldVar w
                          ? state.world().get(w.variable())
                          : state
                              .agent(
                                  t instanceof io.aurelius.config.model.Target.AgentVar av
                                      ? av.agent()
                                      : v.agent().name())
                              .get(t.variable());
                  Object sum =
                      integral
                          ? (Object) (((Number) current).longValue() + g.longValue())
                          : (Object) (((Number) current).doubleValue() + g.doubleValue());
                  effects.record(
                      state.assign(t, v.agent().name(), sum),
                      "draw into " + t.text(),
                      v.action().name() + " by " + v.agent().name());
                });
      }
      draws.add(new DrawRecord(from, rule.json(), availableRaw, demanded, grantedRaw));
    }
    return drawn;
  }

  List<DrawRecord> draws() {
    return draws;
  }

  Map<String, List<String>> consequences() {
    return consequences;
  }

  Map<String, String> chosen() {
    return chosen;
  }

  Optional<Turn.Did> did(String agent) {
    return did.get(agent);
  }
}

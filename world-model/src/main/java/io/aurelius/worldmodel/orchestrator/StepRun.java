package io.aurelius.worldmodel.orchestrator;

import io.aurelius.config.cel.Bindings;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Event;
import io.aurelius.config.model.Observation;
import io.aurelius.config.model.Phase;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Visibility;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.framing.Turn;
import io.aurelius.worldmodel.mechanics.Mechanics;
import io.aurelius.worldmodel.seed.Seeds;
import io.aurelius.worldmodel.state.MutableState;
import io.aurelius.worldmodel.state.WorldState;
import io.aurelius.worldmodel.transcript.EventRecord;
import io.aurelius.worldmodel.transcript.ReplyRecord;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One step, in this order: (1) events due at its start fire; (2) every agent's observation is
 * rendered and (3) all agents are called at once and awaited; (4) each reply is checked (offered
 * action, parameters, precondition against the state after the events) and an invalid one becomes a
 * recorded no-op; (5) contested draws are resolved; (6) the valid actions' effects apply in agent
 * order and their narrations go to whoever may see them; (7) dynamics apply; (8) termination is
 * checked. See {@link Resolver} for 4 to 6.
 */
final class StepRun {
  private final RunContext run;
  private final int step;
  private final Optional<Phase> phase;
  private final MutableState state;
  private final Bindery bindery;
  private final Mechanics mechanics;
  private final List<String> clamps = new ArrayList<>();
  private final List<EventRecord> events = new ArrayList<>();
  private final Map<String, List<String>> news = new LinkedHashMap<>();
  private final Effects effects;

  StepRun(RunContext run, WorldState before, int step) {
    this.run = run;
    this.step = step;
    ScenarioConfig config = run.config;
    this.phase = config.phaseAt(step);
    this.state = before.edit(config);
    this.bindery = new Bindery(config, state, step, phase.map(Phase::name).orElse(""));
    this.mechanics = Mechanics.forStep(run.compiled, run.spec.budget(), run.templates);
    this.effects = new Effects(config, state, bindery, mechanics, clamps);
    config.agents().forEach(a -> news.put(a.name(), new ArrayList<>()));
  }

  /** The outcome of a step: its record, the state after it, and whether the run ends here. */
  record Outcome(StepRecord record, WorldState after, boolean terminated, TokenUsage tokens) {}

  Outcome run() {
    fireEvents();
    List<Prepared> prepared = prepare();
    List<AgentReply> replies = call(prepared);
    Resolver resolver = new Resolver(run, step, state, bindery, mechanics, effects);
    List<TurnRecord> turns = resolver.resolve(prepared, replies);
    Map<String, String> chosenNow = resolver.chosen();
    effects.apply(
        run.config.dynamics(), Optional.empty(), agent -> withChosen(chosenNow, agent), "dynamics");
    boolean terminated =
        run.config
            .termination()
            .when()
            .map(w -> mechanics.test(w, withChosen(chosenNow, Optional.empty()), false))
            .orElse(false);
    WorldState after = state.snapshot(step);
    for (int i = 0; i < prepared.size(); i++) {
      String agent = prepared.get(i).agent().name();
      run.remember(
          agent, new Turn.Memory(step, resolver.did(agent), resolver.consequences().get(agent)));
    }
    run.lastConsequences = resolver.consequences();
    run.chosen = chosenNow;
    TokenUsage tokens = TokenUsage.NONE;
    for (AgentReply r : replies) {
      tokens = tokens.plus(r.tokens());
    }
    StepRecord record =
        new StepRecord(
            step,
            phase.map(Phase::name).orElse(""),
            events,
            turns,
            resolver.draws(),
            clamps,
            mechanics.failures(),
            resolver.consequences(),
            after.hash().hex());
    return new Outcome(record, after, terminated, tokens);
  }

  private Bindings withChosen(Map<String, String> chosen, Optional<String> agent) {
    Bindings.Builder b =
        agent.isPresent() ? bindery.self(agent.get()).agentName(agent.get()) : bindery.with();
    return b.chosen(chosen).build();
  }

  private void fireEvents() {
    for (Event e : run.config.events()) {
      if (e.once() && state.hasFired(e.name())) {
        continue;
      }
      if (e.atStep().isPresent() && e.atStep().getAsInt() != step) {
        continue;
      }
      if (e.when().isPresent()
          && !mechanics.test(e.when().get(), withChosen(run.chosen, Optional.empty()), false)) {
        continue;
      }
      if (e.once()) {
        state.markFired(e.name());
      }
      effects.apply(
          e.effects(),
          Optional.empty(),
          agent -> withChosen(run.chosen, agent),
          "event " + e.name());
      Optional<String> narration =
          mechanics.render(
              e.narration().get(run.spec.framing()), withChosen(run.chosen, Optional.empty()));
      List<String> seenBy = new ArrayList<>();
      for (Agent a : run.config.agents()) {
        Bindings viewing = bindery.with().chosen(run.chosen).viewer(a.name()).build();
        if (sees(e.visibility(), a.name(), Optional.empty(), viewing)) {
          seenBy.add(a.name());
          narration.filter(n -> !n.isBlank()).ifPresent(n -> news.get(a.name()).add(n));
        }
      }
      events.add(new EventRecord(e.name(), narration.orElse(""), seenBy));
    }
  }

  /** An agent's turn, rendered and ready to send. */
  record Prepared(Agent agent, RunContext.Offer offer, AgentRequest request) {}

  private List<Prepared> prepare() {
    List<Prepared> out = new ArrayList<>();
    for (Agent agent : run.config.agents()) {
      Bindings viewing = bindery.self(agent.name()).viewer(agent.name()).chosen(run.chosen).build();
      String premise =
          mechanics.render(run.config.framings().premise(run.spec.framing()), viewing).orElse("");
      Optional<String> narrative =
          phase
              .filter(p -> run.firstStep(p) == step)
              .flatMap(Phase::narrative)
              .flatMap(n -> mechanics.render(n.get(run.spec.framing()), viewing));
      List<String> observations = new ArrayList<>();
      for (Observation o : run.config.observations()) {
        if (sees(o.visibleTo(), agent.name(), Optional.of(agent.name()), viewing)) {
          mechanics
              .render(o.text().get(run.spec.framing()), viewing)
              .filter(t -> !t.isBlank())
              .ifPresent(observations::add);
        }
      }
      List<String> agentNews = new ArrayList<>(news.get(agent.name()));
      if (run.config.memoryWindow() == 0) {
        agentNews.addAll(run.lastConsequences.get(agent.name()));
      }
      RunContext.Offer offer = run.offer(agent, phase);
      Turn turn =
          new Turn(
              agent,
              step,
              run.config.termination().maxSteps(),
              phase.map(Phase::name),
              premise,
              List.copyOf(run.memories.get(agent.name())),
              Optional.ofNullable(run.older.get(agent.name())),
              narrative,
              agentNews,
              observations,
              offer.actions(),
              offer.reflect());
      String system = run.renderer.system(agent);
      String user = run.renderer.user(turn, run.menu.reflectName());
      long seed = Seeds.derive(run.spec.seed(), "turn", Integer.toString(step), agent.name());
      Optional<String> persona = Optional.of(agent.persona().orElse(agent.name()));
      out.add(
          new Prepared(
              agent,
              offer,
              new AgentRequest(agent.name(), system, user, offer.schema(), seed, persona)));
    }
    return out;
  }

  private List<AgentReply> call(List<Prepared> prepared) {
    List<CompletableFuture<AgentReply>> futures = new ArrayList<>(prepared.size());
    for (Prepared p : prepared) {
      CompletableFuture<AgentReply> f;
      try {
        f = run.spec.model().reply(p.request());
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      futures.add(f);
    }
    List<AgentReply> replies = new ArrayList<>(prepared.size());
    for (CompletableFuture<AgentReply> f : futures) {
      try {
        replies.add(f.handle((r, e) -> e == null && r != null ? r : broken(e)).get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        throw new RunInterrupted("interrupted while waiting for the agents of step " + step);
      } catch (java.util.concurrent.ExecutionException e) {
        replies.add(broken(e.getCause()));
      }
    }
    return replies;
  }

  private AgentReply broken(Throwable e) {
    Throwable cause =
        e instanceof java.util.concurrent.CompletionException && e.getCause() != null
            ? e.getCause()
            : e;
    String reason =
        cause == null ? "no reply" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new AgentReply(
        new ReplyOutcome.Unavailable("the model failed: " + reason),
        "",
        TokenUsage.NONE,
        Duration.ZERO,
        run.spec.model().describe(),
        run.spec.model().simulated(),
        run.spec.model().describe(),
        0,
        List.of("the model failed: " + reason));
  }

  /**
   * Whether {@code viewer} sees something with this visibility; {@code actor} is who did it, if
   * anyone.
   */
  boolean sees(Visibility v, String viewer, Optional<String> actor, Bindings bindings) {
    if (v instanceof Visibility.Everyone) {
      return true;
    }
    if (v instanceof Visibility.SelfOnly) {
      return actor.map(viewer::equals).orElse(true);
    }
    return mechanics.test(((Visibility.When) v).when(), bindings, false);
  }

  static ReplyRecord record(AgentReply reply) {
    return ReplyRecord.of(reply);
  }
}

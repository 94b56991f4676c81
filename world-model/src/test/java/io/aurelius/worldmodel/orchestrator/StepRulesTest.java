package io.aurelius.worldmodel.orchestrator;

import static io.aurelius.worldmodel.orchestrator.ScriptedModel.act;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.mechanics.MechanicFailure;
import io.aurelius.worldmodel.mechanics.StepBudget;
import io.aurelius.worldmodel.transcript.DrawRecord;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules of "A step, in order" (docs/world-model.md), each checked on the state, the narrations
 * and the records after a step: small hand-built configurations, three agents (ana, bo, cai)
 * playing fixed scripts, so every expected value is exact.
 */
class StepRulesTest {
  /**
   * Three agents, each with int {@code got} and {@code last}; {@code world}, {@code actions} and
   * {@code rest} are JSON members.
   */
  static CompiledConfig config(String world, String actions, String rest) {
    return Configs.of(configJson(world, actions, rest));
  }

  static String configJson(String world, String actions, String rest) {
    String agent =
        """
        {"name": "%s", "display_name": "%s", "identity": "I am %s and I live by the harbour.",
         "goal": "I want to keep my family fed this winter.",
         "state": {"got": {"type": "int", "initial": 0, "min": 0, "max": 1000},
                   "last": {"type": "int", "initial": 0, "min": 0, "max": 1000}}}""";
    String agents =
        String.join(
            ",",
            agent.formatted("ana", "Ana", "Ana"),
            agent.formatted("bo", "Bo", "Bo"),
            agent.formatted("cai", "Cai", "Cai"));
    return """
        {"format": "aurelius.config/1", "name": "step_rules", "title": "Step rules",
         "labels": {"tension_archetype": "rules", "domain": "tests"},
         "world": {"state": {%s}},
         "agents": [%s],
         "actions": [%s],
         %s,
         "framings": {"immersive": {"premise": "A quiet harbour in winter."},
                      "control": {"premise": "Three players share a harbour."}}}
        """
        .formatted(world, agents, actions, rest);
  }

  /** An action with no parameters, offered to everyone, narrated to everyone. */
  static String action(String name, String effects) {
    return """
        {"name": "%s", "actors": ["*"], "effects": [%s],
         "narration": {"immersive": "{{ names[actor] }} does %s.", "control": "{{ names[actor] }} does %s."},
         "visibility": "all"}"""
        .formatted(name, effects, name, name);
  }

  static final String WAIT = action("wait", "");
  static final String ONE_STEP = "\"termination\": {\"max_steps\": 1}, \"memory_window\": 2";

  static RunResult run(CompiledConfig config, ScriptedModel model) {
    return run(config, model, StepBudget.DEFAULT);
  }

  static RunResult run(CompiledConfig config, ScriptedModel model, StepBudget budget) {
    return Orchestrator.run(
        new RunSpec(config, Framing.CONTROL, 42, model, budget), RunObserver.NONE);
  }

  static JsonNode world(RunResult r) {
    return r.end().finalState().path("world");
  }

  static JsonNode agent(RunResult r, String name) {
    return r.end().finalState().path("agents").path(name);
  }

  static TurnRecord turn(StepRecord s, String agent) {
    return s.turns().stream().filter(t -> t.agent().equals(agent)).findFirst().orElseThrow();
  }

  // 4. Offered actions only.

  @Test
  void anActionNotOfferedIsARecordedNoOp() {
    CompiledConfig c =
        config(
            "\"x\": {\"type\": \"int\", \"initial\": 3, \"min\": 0, \"max\": 100}",
            WAIT
                + ",\n"
                + """
            {"name": "guard", "actors": ["bo"], "effects": [{"set": "world.x", "to": "50"}],
             "narration": {"immersive": "GUARDED", "control": "GUARDED"}, "visibility": "all"}""",
            "\"dynamics\": [{\"set\": \"self.last\", \"to\": \"chosen[agent] == '' ? 1 : 0\", \"for_each_agent\": true}],"
                + ONE_STEP);
    ScriptedModel model = new ScriptedModel().script("ana", act("guard")).script("cai", act("fly"));
    RunResult r = run(c, model);
    StepRecord s = r.steps().get(0);

    assertThat(world(r).path("x").asLong())
        .as("guard was not offered to ana: no effect")
        .isEqualTo(3);
    assertThat(turn(s, "ana").offered()).containsExactly("wait");
    assertThat(turn(s, "bo").offered()).containsExactly("wait", "guard");
    assertThat(turn(s, "ana").valid()).isFalse();
    assertThat(turn(s, "ana").action()).contains("guard");
    assertThat(turn(s, "ana").invalidReason())
        .contains("action 'guard' is not offered (expected one of [wait])");
    assertThat(turn(s, "cai").valid()).isFalse();
    assertThat(turn(s, "cai").invalidReason())
        .contains("action 'fly' is not offered (expected one of [wait])");
    assertThat(turn(s, "bo").valid()).isTrue();
    assertThat(s.invalidActions()).isEqualTo(2);
    assertThat(r.end().totals().invalidActions()).isEqualTo(2);
    // The refused agent hears why; nobody hears a narration of what did not happen.
    assertThat(s.consequences().get("ana"))
        .containsExactly(
            "Your move guard was invalid and had no effect: action 'guard' is not offered (expected one of [wait]).",
            "Bo does wait.");
    assertThat(s.consequences().get("bo")).containsExactly("Bo does wait.");
    assertThat(s.consequences().get("cai")).hasSize(2).contains("Bo does wait.");
    // An invalid action counts as no choice (chosen = "") in the dynamics.
    assertThat(agent(r, "ana").path("last").asLong()).isEqualTo(1);
    assertThat(agent(r, "bo").path("last").asLong()).isEqualTo(0);
    assertThat(agent(r, "cai").path("last").asLong()).isEqualTo(1);
  }

  @Test
  void anActionOutsideItsPhaseIsNotOfferedAndAReflectionPhaseOffersReflect() {
    CompiledConfig c =
        config(
            "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}",
            WAIT
                + ",\n"
                + """
            {"name": "vote", "actors": ["*"], "phases": ["late"], "effects": [{"set": "world.x", "to": "world.x + 1"}],
             "narration": {"immersive": "vote", "control": "vote"}, "visibility": "all"}""",
            """
            "phases": [{"name": "early", "steps": 1, "mode": "decision"}, {"name": "late", "steps": 1, "mode": "decision"},
                       {"name": "think", "steps": 1, "mode": "reflection"}],
            "termination": {"max_steps": 3}, "memory_window": 2""");
    ScriptedModel model =
        new ScriptedModel()
            .script("ana", act("vote"), act("vote"), act("reflect"))
            .script("bo", act("wait"), act("vote"), act("wait"))
            .script("cai", act("wait"), act("wait"), act("vote"));
    RunResult r = run(c, model);
    StepRecord early = r.steps().get(0);
    StepRecord late = r.steps().get(1);
    StepRecord think = r.steps().get(2);

    assertThat(early.phase()).isEqualTo("early");
    assertThat(turn(early, "ana").offered()).containsExactly("wait");
    assertThat(turn(early, "ana").valid()).isFalse();
    assertThat(turn(late, "ana").offered()).containsExactly("wait", "vote");
    assertThat(turn(late, "ana").valid()).isTrue();
    assertThat(turn(late, "bo").valid()).isTrue();
    assertThat(think.phase()).isEqualTo("think");
    assertThat(turn(think, "ana").offered()).containsExactly("reflect");
    assertThat(turn(think, "ana").valid()).isTrue();
    assertThat(turn(think, "bo").valid()).as("wait is not offered in a reflection phase").isFalse();
    assertThat(turn(think, "cai").valid()).isFalse();
    assertThat(world(r).path("x").asLong())
        .as("only the two votes of the late phase count")
        .isEqualTo(2);
    assertThat(think.consequences().get("ana")).as("a reflection has no narration").isEmpty();
  }

  // 4. Parameters within bounds.

  @Test
  void parametersOutsideTheirBoundsAreRefused() {
    CompiledConfig c =
        config(
            """
            "w": {"type": "double", "initial": 0, "min": 0, "max": 10}""",
            WAIT
                + ",\n"
                + """
            {"name": "take", "actors": ["*"],
             "parameters": {"n": {"type": "int", "min": 1, "max": 5},
                            "where": {"type": "string", "values": ["north", "south"]},
                            "weight": {"type": "double", "min": 0.5, "max": 2.5}},
             "effects": [{"set": "self.got", "to": "self.got + params.n"}, {"set": "world.w", "to": "world.w + params.weight"}],
             "narration": {"immersive": "take", "control": "take"}, "visibility": "all"}""",
            "\"termination\": {\"max_steps\": 2}, \"memory_window\": 2");
    ScriptedModel model =
        new ScriptedModel()
            .script(
                "ana",
                act("take", "n", 6, "where", "north", "weight", 1.0),
                act("take", "weight", 2, "where", "south", "n", 5))
            .script(
                "bo",
                act("take", "n", 0, "where", "north", "weight", 1.0),
                act("take", "n", 1, "where", "west", "weight", 1.0))
            .script(
                "cai",
                act("take", "where", "north", "weight", 1.0),
                act("take", "n", 1, "where", "north", "weight", 2.6));
    RunResult r = run(c, model);
    StepRecord one = r.steps().get(0);
    StepRecord two = r.steps().get(1);

    assertThat(turn(one, "ana").invalidReason())
        .contains("params.n: 6 (expected: int within its bounds)");
    assertThat(turn(one, "bo").invalidReason())
        .contains("params.n: 0 (expected: int within its bounds)");
    assertThat(turn(one, "cai").invalidReason())
        .contains("params.n: null (expected: int within its bounds)");
    assertThat(turn(two, "ana").valid()).isTrue();
    // An int given for a double parameter is read as that double, in declaration order.
    assertThat(turn(two, "ana").params())
        .containsExactly(Map.entry("n", 5L), Map.entry("where", "south"), Map.entry("weight", 2.0));
    assertThat(turn(two, "bo").invalidReason())
        .contains("params.where: west (expected: string within its bounds)");
    assertThat(turn(two, "cai").invalidReason())
        .contains("params.weight: 2.6 (expected: double within its bounds)");
    assertThat(agent(r, "ana").path("got").asLong()).isEqualTo(5);
    assertThat(agent(r, "bo").path("got").asLong()).isZero();
    assertThat(agent(r, "cai").path("got").asLong()).isZero();
    assertThat(world(r).path("w").asDouble()).isEqualTo(2.0);
    assertThat(r.end().totals().invalidActions()).isEqualTo(5);
  }

  // 4. Preconditions, against the state after the events, the same for everyone.

  @Test
  void preconditionsAreCheckedAgainstTheStateAfterTheEventsAndBeforeAnyEffect() {
    CompiledConfig c =
        config(
            "\"open\": {\"type\": \"bool\", \"initial\": false}",
            WAIT
                + ",\n"
                + """
            {"name": "enter", "actors": ["*"], "precondition": "world.open",
             "effects": [{"set": "self.got", "to": "self.got + 1"}],
             "narration": {"immersive": "enter", "control": "{{ names[actor] }} enters."}, "visibility": "all"},
            {"name": "shut", "actors": ["*"], "effects": [{"set": "world.open", "to": "false"}],
             "narration": {"immersive": "shut", "control": "{{ names[actor] }} shuts the gate."}, "visibility": "all"}""",
            """
            "events": [{"name": "opening", "at_step": 2, "effects": [{"set": "world.open", "to": "true"}],
                        "narration": {"immersive": "The gate opens.", "control": "The gate opens."},
                        "visibility": "all"}],
            "termination": {"max_steps": 2}, "memory_window": 2""");
    ScriptedModel model =
        new ScriptedModel()
            .script("ana", act("enter"), act("shut"))
            .script("bo", act("enter"), act("enter"))
            .script("cai", act("wait"), act("enter"));
    RunResult r = run(c, model);
    StepRecord one = r.steps().get(0);
    StepRecord two = r.steps().get(1);

    assertThat(turn(one, "ana").valid()).isFalse();
    assertThat(turn(one, "ana").invalidReason()).contains("precondition does not hold: world.open");
    assertThat(turn(one, "bo").invalidReason()).contains("precondition does not hold: world.open");
    assertThat(one.consequences().get("ana"))
        .first()
        .asString()
        .isEqualTo(
            "Your move enter was invalid and had no effect: precondition does not hold: world.open.");
    // Step 2: the event opens the gate before anyone acts; ana shuts it first in agent order,
    // but bo and cai were checked against the state after the event, as everyone is.
    assertThat(two.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("opening");
              assertThat(e.seenBy()).containsExactly("ana", "bo", "cai");
            });
    assertThat(turn(two, "bo").valid()).isTrue();
    assertThat(turn(two, "cai").valid()).isTrue();
    assertThat(agent(r, "ana").path("got").asLong()).isZero();
    assertThat(agent(r, "bo").path("got").asLong()).isEqualTo(1);
    assertThat(agent(r, "cai").path("got").asLong()).isEqualTo(1);
    assertThat(world(r).path("open").asBoolean()).isFalse();
    assertThat(two.consequences().get("cai"))
        .containsExactly("Ana shuts the gate.", "Bo enters.", "Cai enters.");
  }

  @Test
  void aPreconditionThatFailsToEvaluateRefusesTheActionAndIsRecorded() {
    CompiledConfig c =
        config(
            "\"zero\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 10}",
            """
            {"name": "risk", "actors": ["*"], "precondition": "10 / world.zero > 1",
             "effects": [{"set": "self.got", "to": "1"}],
             "narration": {"immersive": "risk", "control": "risk"}, "visibility": "all"},"""
                + WAIT,
            ONE_STEP);
    RunResult r = run(c, new ScriptedModel().script("ana", act("risk")));
    StepRecord s = r.steps().get(0);

    assertThat(turn(s, "ana").invalidReason())
        .contains("precondition could not be evaluated: 10 / world.zero > 1");
    assertThat(s.failures())
        .extracting(MechanicFailure::where)
        .containsExactly("$.actions[0].precondition");
    assertThat(agent(r, "ana").path("got").asLong()).isZero();
    assertThat(r.end().totals().mechanicFailures()).isEqualTo(1);
  }

  // 4. Replies that are not a decision.

  @Test
  void malformedUnavailableAndFailingRepliesAreRecordedNoOps() {
    CompiledConfig c =
        config(
            "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}",
            action("inc", "{\"set\": \"world.x\", \"to\": \"world.x + 1\"}") + "," + WAIT,
            "\"termination\": {\"max_steps\": 2}, \"memory_window\": 2");
    ScriptedModel model =
        new ScriptedModel()
            .script(
                "ana",
                ScriptedModel.malformed("not JSON"),
                new ScriptedModel.Fail(new IllegalStateException("down")))
            .script("bo", ScriptedModel.unavailable("rate limited"), act("inc"))
            .script("cai", new ScriptedModel.Throw(new IllegalStateException("boom")), act("inc"));
    RunResult r = run(c, model);
    StepRecord one = r.steps().get(0);

    assertThat(turn(one, "ana").invalidReason()).contains("malformed reply: not JSON");
    assertThat(turn(one, "ana").action()).isEmpty();
    assertThat(turn(one, "bo").invalidReason()).contains("no reply: rate limited");
    assertThat(turn(one, "cai").invalidReason())
        .contains("no reply: the model failed: IllegalStateException: boom");
    assertThat(turn(one, "cai").reply().incidents())
        .containsExactly("the model failed: IllegalStateException: boom");
    assertThat(turn(r.steps().get(1), "ana").invalidReason())
        .contains("no reply: the model failed: IllegalStateException: down");
    assertThat(one.consequences().get("ana"))
        .containsExactly("Your move was invalid and had no effect: malformed reply: not JSON.");
    assertThat(world(r).path("x").asLong()).isEqualTo(2);
    assertThat(r.end().totals().invalidActions()).isEqualTo(4);
    assertThat(r.end().totals().tokensIn()).as("two decided turns of 10 tokens in").isEqualTo(20);
    assertThat(r.end().totals().tokensOut()).isEqualTo(4);
  }

  // 5. Draws: every resolution, the pool reduced, the grant added into its target and bound as
  // drawn.

  static CompiledConfig drawing(String resolution, String stock) {
    return config(
        "\"stock\": " + stock,
        WAIT
            + ",\n"
            + """
            {"name": "take", "actors": ["*"], "parameters": {"n": {"type": "int", "min": 0, "max": 20}},
             "draw": {"from": "world.stock", "amount": "params.n", "into": "self.got", "resolution": "%s"},
             "effects": [{"set": "self.last", "to": "drawn"}],
             "narration": {"immersive": "take", "control": "{{ names[actor] }} takes {{ drawn }} of {{ params.n }}."},
             "visibility": "all"}"""
                .formatted(resolution),
        ONE_STEP);
  }

  static final String INT_STOCK = "{\"type\": \"int\", \"initial\": 10, \"min\": 0, \"max\": 100}";

  static RunResult take(String resolution, int ana, int bo, int cai) {
    return run(
        drawing(resolution, INT_STOCK),
        new ScriptedModel()
            .script("ana", act("take", "n", ana))
            .script("bo", act("take", "n", bo))
            .script("cai", act("take", "n", cai)));
  }

  static long got(RunResult r, String agent) {
    return agent(r, agent).path("got").asLong();
  }

  @Test
  void anUncontestedDrawGrantsEveryDemandAndReducesThePool() {
    for (String rule : List.of("proportional", "priority_random", "equal_split")) {
      RunResult r = take(rule, 2, 3, 4);
      assertThat(world(r).path("stock").asLong()).as(rule).isEqualTo(1);
      assertThat(List.of(got(r, "ana"), got(r, "bo"), got(r, "cai")))
          .as(rule)
          .containsExactly(2L, 3L, 4L);
      assertThat(agent(r, "cai").path("last").asLong())
          .as("drawn is bound in the effects")
          .isEqualTo(4);
      DrawRecord d = r.steps().get(0).draws().get(0);
      assertThat(d.from()).isEqualTo("stock");
      assertThat(d.resolution()).isEqualTo(rule);
      assertThat(d.available()).isEqualTo(10L);
      assertThat(d.demanded())
          .containsExactly(Map.entry("ana", 2L), Map.entry("bo", 3L), Map.entry("cai", 4L));
      assertThat(d.granted())
          .containsExactly(Map.entry("ana", 2L), Map.entry("bo", 3L), Map.entry("cai", 4L));
      assertThat(r.steps().get(0).consequences().get("ana"))
          .containsExactly("Ana takes 2 of 2.", "Bo takes 3 of 3.", "Cai takes 4 of 4.");
    }
  }

  @Test
  void aContestedProportionalDrawSharesByDemandAndEmptiesThePool() {
    RunResult r = take("proportional", 6, 4, 10); // 10 of 20 asked: 3, 2, 5 exactly
    assertThat(world(r).path("stock").asLong()).isZero();
    assertThat(List.of(got(r, "ana"), got(r, "bo"), got(r, "cai"))).containsExactly(3L, 2L, 5L);
    assertThat(
            List.of(
                agent(r, "ana").path("last").asLong(),
                agent(r, "bo").path("last").asLong(),
                agent(r, "cai").path("last").asLong()))
        .containsExactly(3L, 2L, 5L);
    DrawRecord d = r.steps().get(0).draws().get(0);
    assertThat(d.demanded())
        .containsExactly(Map.entry("ana", 6L), Map.entry("bo", 4L), Map.entry("cai", 10L));
    assertThat(d.granted())
        .containsExactly(Map.entry("ana", 3L), Map.entry("bo", 2L), Map.entry("cai", 5L));
    assertThat(r.steps().get(0).consequences().get("bo"))
        .containsExactly("Ana takes 3 of 6.", "Bo takes 2 of 4.", "Cai takes 5 of 10.");
  }

  @Test
  void aContestedPriorityRandomDrawServesInFullInTurnAndEmptiesThePool() {
    RunResult r = take("priority_random", 4, 4, 4); // 10 for 12: two are served 4, the last gets 2
    assertThat(world(r).path("stock").asLong()).isZero();
    List<Long> got = List.of(got(r, "ana"), got(r, "bo"), got(r, "cai"));
    assertThat(got).containsExactlyInAnyOrder(4L, 4L, 2L);
    DrawRecord d = r.steps().get(0).draws().get(0);
    assertThat(d.resolution()).isEqualTo("priority_random");
    assertThat(List.copyOf(d.granted().values())).isEqualTo(got);
    // The order comes from the seed: the same run serves the same agents.
    RunResult again = take("priority_random", 4, 4, 4);
    assertThat(List.of(got(again, "ana"), got(again, "bo"), got(again, "cai"))).isEqualTo(got);
  }

  @Test
  void aContestedEqualSplitDrawFillsTheSmallDemandFirstAndEmptiesThePool() {
    RunResult r =
        take(
            "equal_split", 2, 10, 10); // 10: shares of 3 capped at 2, then the rest evenly: 2, 4, 4
    assertThat(world(r).path("stock").asLong()).isZero();
    assertThat(List.of(got(r, "ana"), got(r, "bo"), got(r, "cai"))).containsExactly(2L, 4L, 4L);
    assertThat(r.steps().get(0).draws().get(0).resolution()).isEqualTo("equal_split");
  }

  @Test
  void aContestedDrawOnADoubleKeepsFractions() {
    CompiledConfig c =
        config(
            "\"water\": {\"type\": \"double\", \"initial\": 9, \"min\": 0, \"max\": 100}",
            WAIT
                + ",\n"
                + """
            {"name": "fill", "actors": ["*"], "parameters": {"l": {"type": "double", "min": 0, "max": 20}},
             "draw": {"from": "world.water", "amount": "params.l", "resolution": "equal_split"},
             "effects": [{"set": "self.got", "to": "int(drawn * 10.0)"}],
             "narration": {"immersive": "fill", "control": "{{ names[actor] }} fills {{ drawn }}."}, "visibility": "all"}""",
            ONE_STEP);
    RunResult r =
        run(
            c,
            new ScriptedModel()
                .script("ana", act("fill", "l", 2.0))
                .script("bo", act("fill", "l", 10.0))
                .script("cai", act("fill", "l", 10.0)));
    assertThat(world(r).path("water").asDouble()).isZero();
    assertThat(List.of(got(r, "ana"), got(r, "bo"), got(r, "cai"))).containsExactly(20L, 35L, 35L);
    DrawRecord d = r.steps().get(0).draws().get(0);
    assertThat(d.available()).isEqualTo(9.0);
    assertThat(d.granted())
        .containsExactly(Map.entry("ana", 2.0), Map.entry("bo", 3.5), Map.entry("cai", 3.5));
    assertThat(r.steps().get(0).consequences().get("ana"))
        .containsExactly("Ana fills 2.", "Bo fills 3.5.", "Cai fills 3.5.");
  }

  @Test
  void onlyValidActionsDrawAndADrawIntoAnotherAgentAddsToIt() {
    CompiledConfig c =
        config(
            "\"stock\": " + INT_STOCK,
            WAIT
                + ",\n"
                + """
            {"name": "gift", "actors": ["*"], "parameters": {"n": {"type": "int", "min": 1, "max": 20}},
             "precondition": "actor != 'cai'",
             "draw": {"from": "world.stock", "amount": "params.n", "into": "agents.cai.got", "resolution": "proportional"},
             "narration": {"immersive": "gift", "control": "gift"}, "visibility": "all"}""",
            ONE_STEP);
    RunResult r =
        run(
            c,
            new ScriptedModel()
                .script("ana", act("gift", "n", 3))
                .script("bo", act("gift", "n", 4))
                .script("cai", act("gift", "n", 20)));
    assertThat(turn(r.steps().get(0), "cai").valid()).isFalse();
    assertThat(world(r).path("stock").asLong()).isEqualTo(3);
    assertThat(got(r, "cai")).isEqualTo(7);
    assertThat(got(r, "ana")).isZero();
    assertThat(r.steps().get(0).draws().get(0).demanded()).containsOnlyKeys("ana", "bo");
  }

  // 6. Effects in agent order, each seeing the ones before; then 7. dynamics.

  @Test
  void effectsApplyInAgentOrderEachSeeingTheOnesBeforeAndDynamicsAfter() {
    CompiledConfig c =
        config(
            """
            "x": {"type": "int", "initial": 3, "min": 0, "max": 100},
            "y": {"type": "int", "initial": 0, "min": 0, "max": 100},
            "z": {"type": "int", "initial": 0, "min": 0, "max": 1000}""",
            action("double", "{\"set\": \"world.x\", \"to\": \"world.x * 2\"}")
                + ",\n"
                + action(
                    "inc",
                    "{\"set\": \"world.x\", \"to\": \"world.x + 1\"}, {\"set\": \"world.y\", \"to\": \"world.x\"}")
                + ","
                + WAIT,
            "\"dynamics\": [{\"set\": \"world.z\", \"to\": \"world.x * 100 + (chosen.bo == 'inc' ? 1 : 0)\"}],"
                + ONE_STEP);
    RunResult r = run(c, new ScriptedModel().script("ana", act("double")).script("bo", act("inc")));
    assertThat(world(r).path("x").asLong()).as("(3 * 2) + 1, not (3 + 1) * 2").isEqualTo(7);
    assertThat(world(r).path("y").asLong()).as("the second effect sees the first").isEqualTo(7);
    assertThat(world(r).path("z").asLong())
        .as("dynamics see every action and this step's choices")
        .isEqualTo(701);
    assertThat(r.steps().get(0).consequences().get("cai"))
        .containsExactly("Ana does double.", "Bo does inc.", "Cai does wait.");
  }

  // 1 and 6. Who sees which narration, and what each agent's next observation contains.

  static CompiledConfig visibility(int memoryWindow) {
    return config(
        "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}",
        WAIT
            + ",\n"
            + """
            {"name": "whisper", "actors": ["*"], "narration": {"immersive": "w", "control": "SECRET-{{ actor }}"},
             "visibility": "self"},
            {"name": "shout", "actors": ["*"], "narration": {"immersive": "s", "control": "LOUD-{{ actor }}"},
             "visibility": "all"},
            {"name": "give", "actors": ["*"], "parameters": {"to": {"type": "string", "values": ["ana", "bo", "cai"]}},
             "narration": {"immersive": "g", "control": "GIFT-{{ actor }}-TO-{{ params.to }}"},
             "visibility": {"when": "viewer == params.to"}}""",
        """
            "observations": [{"visible_to": {"when": "viewer == 'cai'"}, "immersive": "o", "control": "CAI-ONLY {{ self.got }}"},
                             {"visible_to": "all", "immersive": "o", "control": "FOR-ALL {{ step }}"}],
            "events": [{"name": "rumour", "at_step": 1, "narration": {"immersive": "r", "control": "RUMOUR"},
                        "visibility": {"when": "viewer == 'bo'"}}],
            "termination": {"max_steps": 2}, "memory_window": %d"""
            .formatted(memoryWindow));
  }

  static ScriptedModel visibilityScript() {
    return new ScriptedModel()
        .script("ana", act("whisper"))
        .script("bo", act("shout"))
        .script("cai", act("give", "to", "ana"));
  }

  @Test
  void aPrivateNarrationReachesOnlyItsActorAndAConditionalOneOnlyItsViewers() {
    ScriptedModel model = visibilityScript();
    RunResult r = run(visibility(2), model);
    StepRecord one = r.steps().get(0);

    assertThat(one.consequences().get("ana"))
        .containsExactly("SECRET-ana", "LOUD-bo", "GIFT-cai-TO-ana");
    assertThat(one.consequences().get("bo")).containsExactly("LOUD-bo");
    assertThat(one.consequences().get("cai")).containsExactly("LOUD-bo");
    // What each agent is shown at step 2.
    assertThat(model.shown("ana", 2)).contains("SECRET-ana", "LOUD-bo", "GIFT-cai-TO-ana");
    assertThat(model.shown("bo", 2))
        .contains("LOUD-bo")
        .doesNotContain("SECRET")
        .doesNotContain("GIFT");
    assertThat(model.shown("cai", 2))
        .contains("LOUD-bo")
        .doesNotContain("SECRET")
        .doesNotContain("GIFT");
  }

  @Test
  void withoutMemoryLastStepsNarrationsAreShownAsNewsToTheirViewersOnly() {
    ScriptedModel model = visibilityScript();
    run(visibility(0), model);
    assertThat(model.shown("ana", 2)).contains("SECRET-ana", "LOUD-bo", "GIFT-cai-TO-ana");
    assertThat(model.shown("bo", 2))
        .contains("LOUD-bo")
        .doesNotContain("SECRET")
        .doesNotContain("GIFT");
    assertThat(model.shown("cai", 2))
        .contains("LOUD-bo")
        .doesNotContain("SECRET")
        .doesNotContain("GIFT");
    assertThat(model.shown("bo", 1)).doesNotContain("LOUD-bo");
  }

  @Test
  void eventsAndObservationsAreShownOnlyToWhomTheirVisibilityAdmits() {
    ScriptedModel model = visibilityScript();
    RunResult r = run(visibility(2), model);
    assertThat(r.steps().get(0).events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("rumour");
              assertThat(e.narration()).isEqualTo("RUMOUR");
              assertThat(e.seenBy()).containsExactly("bo");
            });
    assertThat(r.steps().get(1).events()).isEmpty();
    assertThat(model.shown("bo", 1)).contains("RUMOUR", "FOR-ALL 1").doesNotContain("CAI-ONLY");
    assertThat(model.shown("ana", 1))
        .doesNotContain("RUMOUR")
        .doesNotContain("CAI-ONLY")
        .contains("FOR-ALL 1");
    assertThat(model.shown("cai", 1)).contains("CAI-ONLY 0", "FOR-ALL 1").doesNotContain("RUMOUR");
    assertThat(model.shown("cai", 2)).contains("FOR-ALL 2");
    assertThat(model.shown("bo", 2))
        .as("an event's narration is news of its own step only")
        .doesNotContain("RUMOUR");
  }

  // Events: at_step, when, once; chosen = last step's choices.

  @Test
  void eventsFireOnTheirStepOrConditionOnceWhenAskedAndSeeLastStepsChoices() {
    CompiledConfig c =
        config(
            "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 1000}",
            WAIT + "," + action("shout", ""),
            """
            "events": [
              {"name": "bell", "at_step": 2, "effects": [{"set": "world.x", "to": "world.x + 1"}],
               "narration": {"immersive": "b", "control": "BELL"}, "visibility": "all"},
              {"name": "echo", "when": "chosen.ana == 'shout'", "effects": [{"set": "world.x", "to": "world.x + 10"}],
               "narration": {"immersive": "e", "control": "ECHO"}, "visibility": "all"},
              {"name": "first", "when": "true", "once": true, "effects": [{"set": "world.x", "to": "world.x + 100"}],
               "narration": {"immersive": "f", "control": "FIRST"}, "visibility": "all"}],
            "termination": {"max_steps": 4}, "memory_window": 2""");
    ScriptedModel model =
        new ScriptedModel().script("ana", act("shout"), act("wait"), act("shout"), act("wait"));
    RunResult r = run(c, model);
    assertThat(r.steps())
        .extracting(s -> s.events().stream().map(e -> e.name()).toList())
        .containsExactly(List.of("first"), List.of("bell", "echo"), List.of(), List.of("echo"));
    assertThat(world(r).path("x").asLong()).isEqualTo(121);
    assertThat(r.end().finalState().path("fired").toString()).isEqualTo("[\"first\"]");
    assertThat(model.shown("cai", 2)).contains("BELL", "ECHO").doesNotContain("FIRST");
  }

  // Clamps, refusals and CEL failures.

  @Test
  void outOfBoundsNumbersAreClampedAndRecordedAndAStringOutsideItsValuesIsRefused() {
    CompiledConfig c =
        config(
            """
            "x": {"type": "int", "initial": 3, "min": 0, "max": 100},
            "mood": {"type": "string", "initial": "calm", "values": ["calm", "tense"]}""",
            WAIT
                + ",\n"
                + """
            {"name": "boost", "actors": ["*"], "parameters": {"m": {"type": "string", "values": ["tense", "wild"]}},
             "effects": [{"set": "world.x", "to": "world.x + 1000"}, {"set": "world.mood", "to": "params.m"},
                         {"set": "self.got", "to": "world.x - 2000"}],
             "narration": {"immersive": "b", "control": "b"}, "visibility": "all"}""",
            ONE_STEP);
    RunResult r = run(c, new ScriptedModel().script("ana", act("boost", "m", "wild")));
    StepRecord s = r.steps().get(0);
    assertThat(world(r).path("x").asLong()).isEqualTo(100);
    assertThat(world(r).path("mood").asText()).isEqualTo("calm");
    assertThat(got(r, "ana")).isZero();
    assertThat(s.clamps())
        .containsExactly(
            "world.x: 1003 clamped to 100 (boost by ana)",
            "agents.ana.got: -1900 clamped to 0 (boost by ana)");
    assertThat(s.failures())
        .containsExactly(
            new MechanicFailure(
                "$.actions[1].effects[1].to",
                "world.mood not assigned: 'wild' (expected: one of [calm, tense])"));

    RunResult tense = run(c, new ScriptedModel().script("ana", act("boost", "m", "tense")));
    assertThat(world(tense).path("mood").asText()).isEqualTo("tense");
    assertThat(tense.steps().get(0).failures()).isEmpty();
  }

  @Test
  void aFailingExpressionIsRecordedAndOnlyThatMechanicIsSkipped() {
    CompiledConfig c =
        config(
            """
            "zero": {"type": "int", "initial": 0, "min": 0, "max": 10},
            "x": {"type": "int", "initial": 0, "min": 0, "max": 100}""",
            WAIT
                + ",\n"
                + """
            {"name": "risk", "actors": ["*"],
             "effects": [{"set": "self.got", "to": "10 / world.zero"}, {"set": "self.last", "to": "7"}],
             "narration": {"immersive": "r", "control": "RISK {{ 1 / world.zero }}"}, "visibility": "all"}""",
            "\"dynamics\": [{\"set\": \"world.x\", \"to\": \"5 / world.zero\"}, {\"set\": \"world.x\", \"to\": \"world.x + 4\"}],"
                + ONE_STEP);
    RunResult r = run(c, new ScriptedModel().script("ana", act("risk")));
    StepRecord s = r.steps().get(0);
    assertThat(s.failures())
        .extracting(MechanicFailure::where)
        .containsExactly(
            "$.actions[1].effects[0].to", "$.actions[1].narration.control", "$.dynamics[0].to");
    assertThat(s.failures())
        .allSatisfy(f -> assertThat(f.reason()).isNotBlank().doesNotContain("\n"));
    assertThat(got(r, "ana")).isZero();
    assertThat(agent(r, "ana").path("last").asLong()).isEqualTo(7);
    assertThat(world(r).path("x").asLong()).isEqualTo(4);
    assertThat(s.consequences().get("bo"))
        .as("a narration that failed is not shown")
        .containsExactly("Bo does wait.", "Cai does wait.");
    assertThat(turn(s, "ana").valid()).isTrue();
    assertThat(r.end().status()).isEqualTo(RunEnd.Status.COMPLETED);
    assertThat(r.end().totals().mechanicFailures()).isEqualTo(3);
  }

  @Test
  void aStepThatSpendsItsBudgetSkipsTheRestOfItsMechanicsAndSaysSo() {
    CompiledConfig c =
        config(
            "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}",
            action("inc", "{\"set\": \"world.x\", \"to\": \"world.x + 1\"}"),
            "\"dynamics\": [{\"set\": \"world.x\", \"to\": \"world.x + 10\"}, {\"set\": \"world.x\", \"to\": \"world.x + 10\"}],"
                + ONE_STEP);
    ScriptedModel model =
        new ScriptedModel()
            .script("ana", act("inc"))
            .script("bo", act("inc"))
            .script("cai", act("inc"));
    // Three narrations and three effects are 6 evaluations; 4 are allowed.
    RunResult r = run(c, model, new StepBudget(Duration.ofSeconds(30), 4));
    StepRecord s = r.steps().get(0);
    assertThat(world(r).path("x").asLong()).isEqualTo(2);
    assertThat(s.failures()).hasSize(2);
    assertThat(s.failures().get(0).reason())
        .startsWith("skipped: the step's mechanics budget is spent (4 evaluations");
    assertThat(s.failures().get(1))
        .isEqualTo(
            new MechanicFailure("step", "skipped 3 more mechanics after the budget was spent"));
    RunResult free =
        run(
            c,
            new ScriptedModel()
                .script("ana", act("inc"))
                .script("bo", act("inc"))
                .script("cai", act("inc")));
    assertThat(world(free).path("x").asLong()).isEqualTo(23);
  }

  // 8. Termination.

  @Test
  void theRunEndsWhenItsTerminationConditionHoldsOrAfterItsLastStep() {
    String actions = action("inc", "{\"set\": \"world.x\", \"to\": \"world.x + 1\"}") + "," + WAIT;
    String x = "\"x\": {\"type\": \"int\", \"initial\": 3, \"min\": 0, \"max\": 100}";
    CompiledConfig stops =
        config(
            x,
            actions,
            "\"termination\": {\"max_steps\": 5, \"when\": \"world.x >= 5\"},"
                + " \"memory_window\": 1");
    ScriptedModel model = new ScriptedModel().script("ana", act("inc"), act("inc"), act("inc"));
    RunResult r = run(stops, model);
    assertThat(r.end().status()).isEqualTo(RunEnd.Status.TERMINATED);
    assertThat(r.end().steps()).isEqualTo(2);
    assertThat(r.steps()).hasSize(2);
    assertThat(r.end().reason()).isEqualTo("termination condition held after step 2: world.x >= 5");
    assertThat(world(r).path("x").asLong()).isEqualTo(5);
    assertThat(r.end().finalState().path("step").asLong()).isEqualTo(2);
    assertThat(r.end().finalStateHash()).isEqualTo(r.steps().get(1).stateHash());
    assertThat(model.requests()).hasSize(6);

    CompiledConfig runs =
        config(x, actions, "\"termination\": {\"max_steps\": 3}, \"memory_window\": 1");
    RunResult all = run(runs, new ScriptedModel().script("ana", act("inc")));
    assertThat(all.end().status()).isEqualTo(RunEnd.Status.COMPLETED);
    assertThat(all.end().reason()).isEqualTo("ran all 3 steps");
    assertThat(all.steps()).extracting(StepRecord::step).containsExactly(1, 2, 3);
    assertThat(all.end().totals().turns()).isEqualTo(9);
    assertThat(world(all).path("x").asLong()).isEqualTo(4);
  }

  @Test
  void aStepsHashIsTheHashOfTheStateAfterIt() {
    RunResult r = take("proportional", 6, 4, 10);
    assertThat(r.steps().get(0).stateHash())
        .isEqualTo(r.end().finalStateHash())
        .isNotEqualTo(r.header().initialStateHash());
    assertThat(Optional.of(r.header().initialState().path("world").path("stock").asLong()))
        .contains(10L);
  }

  // 2. What an agent is shown of its own past turns, the phase narrative, and nothing for a blank
  // text.

  @Test
  void anAgentIsShownItsOwnLastTurnsWithinItsMemoryWindowAndEachPhasesNarrativeOnce() {
    CompiledConfig c =
        config(
            "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}",
            WAIT
                + ",\n"
                + """
            {"name": "take", "actors": ["*"], "parameters": {"n": {"type": "int", "min": 1, "max": 5}},
             "precondition": "params.n < 5",
             "narration": {"immersive": "t", "control": "{{ names[actor] }} takes."}, "visibility": "all"}""",
            """
            "phases": [{"name": "work", "steps": 2, "mode": "decision",
                        "narrative": {"immersive": "n", "control": "NARR-WORK at {{ step }}"}},
                       {"name": "rest", "steps": 2, "mode": "reflection",
                        "narrative": {"immersive": "n", "control": "NARR-REST at {{ step }}"}}],
            "termination": {"max_steps": 4}, "memory_window": 1""");
    ScriptedModel model =
        new ScriptedModel()
            .script("ana", act("take", "n", 2), act("take", "n", 5), act("reflect"), act("reflect"))
            .script("bo", act("wait"), act("wait"), act("reflect"), act("reflect"))
            .script("cai", act("wait"), act("wait"), act("reflect"), act("reflect"));
    run(c, model);
    assertThat(model.shown("ana", 1)).contains("NARR-WORK at 1").doesNotContain("- Step");
    assertThat(model.shown("ana", 2))
        .contains("- Step 1: you chose take (n 2). Outcomes: Ana takes.")
        .doesNotContain("NARR-WORK");
    assertThat(model.shown("ana", 3))
        .contains("NARR-REST at 3")
        .contains("- Step 2: you chose take (n 5); the move was invalid and had no effect.")
        .as("a memory window of 1 keeps only the last turn")
        .doesNotContain("- Step 1:");
    assertThat(model.shown("ana", 4))
        .contains("- Step 3: you reflected (no move).")
        .doesNotContain("NARR-REST");
    assertThat(model.shown("bo", 2)).contains("- Step 1: you chose wait. Outcomes: Ana takes.");
    // Each request carries the agent's name as the persona hint and its own seed.
    assertThat(model.requests().get(0).persona()).contains("ana");
    assertThat(model.requests().stream().map(r -> r.seed()).distinct().count()).isEqualTo(12);
  }

  @Test
  void parametersTheActionDoesNotDeclareAreKeptAfterTheDeclaredOnesInNameOrder() {
    CompiledConfig c =
        config(
            "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}",
            WAIT
                + ",\n"
                + """
            {"name": "take", "actors": ["*"], "parameters": {"n": {"type": "int", "min": 1, "max": 5}},
             "effects": [{"set": "world.x", "to": "world.x + params.n"}],
             "narration": {"immersive": "t", "control": "t"}, "visibility": "all"}""",
            ONE_STEP);
    RunResult r =
        run(c, new ScriptedModel().script("ana", act("take", "zeta", "z", "n", 2, "alpha", "a")));
    assertThat(turn(r.steps().get(0), "ana").params())
        .containsExactly(Map.entry("n", 2L), Map.entry("alpha", "a"), Map.entry("zeta", "z"));
    assertThat(world(r).path("x").asLong()).isEqualTo(2);
  }

  @Test
  void aBlankNarrationOrObservationAddsNothingToWhatAnAgentIsShown() {
    String x = "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}";
    CompiledConfig plain =
        config(
            x,
            WAIT,
            """
        "observations": [{"visible_to": "all", "immersive": "o", "control": "TIDE"}],"""
                + ONE_STEP);
    CompiledConfig blank =
        config(
            x,
            WAIT,
            """
        "observations": [{"visible_to": "all", "immersive": "o", "control": "{{ '' }}"},
                         {"visible_to": "all", "immersive": "o", "control": "TIDE"}],
        "events": [{"name": "hush", "at_step": 1, "narration": {"immersive": "h", "control": "{{ ' ' }}"},
                    "visibility": "all"}],"""
                + ONE_STEP);
    ScriptedModel a = new ScriptedModel();
    ScriptedModel b = new ScriptedModel();
    run(plain, a);
    RunResult r = run(blank, b);
    assertThat(r.steps().get(0).events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("hush");
              assertThat(e.seenBy()).containsExactly("ana", "bo", "cai");
            });
    for (String agent : List.of("ana", "bo", "cai")) {
      assertThat(b.shown(agent, 1)).isEqualTo(a.shown(agent, 1));
    }
  }

  // 5. After a draw, the drawing action's effects see the reduced pool and the filled target.

  @Test
  void effectsAfterADrawSeeThePoolAndTheTargetAsTheDrawLeftThem() {
    CompiledConfig c =
        config(
            "\"stock\": "
                + INT_STOCK
                + ", \"bank\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}",
            WAIT
                + ",\n"
                + """
            {"name": "take", "actors": ["*"], "parameters": {"n": {"type": "int", "min": 0, "max": 20}},
             "draw": {"from": "world.stock", "amount": "params.n", "into": "self.got", "resolution": "proportional"},
             "effects": [{"set": "self.last", "to": "self.got + world.stock * 100"}],
             "narration": {"immersive": "t", "control": "t"}, "visibility": "all"},
            {"name": "bank", "actors": ["*"], "parameters": {"n": {"type": "int", "min": 0, "max": 20}},
             "draw": {"from": "world.bank", "amount": "params.n", "into": "world.stock", "resolution": "proportional"},
             "narration": {"immersive": "b", "control": "b"}, "visibility": "all"}""",
            ONE_STEP);
    RunResult r =
        run(
            c,
            new ScriptedModel()
                .script("ana", act("take", "n", 2))
                .script("bo", act("take", "n", 3)));
    StepRecord s = r.steps().get(0);
    assertThat(world(r).path("stock").asLong()).isEqualTo(5);
    assertThat(agent(r, "ana").path("last").asLong()).isEqualTo(2 + 500);
    assertThat(agent(r, "bo").path("last").asLong()).isEqualTo(3 + 500);
    assertThat(s.clamps()).isEmpty();
    assertThat(s.failures()).isEmpty();

    RunResult empty = run(c, new ScriptedModel().script("cai", act("bank", "n", 4)));
    assertThat(world(empty).path("stock").asLong()).as("nothing in the bank to draw").isEqualTo(10);
    assertThat(empty.steps().get(0).draws().get(0).granted()).containsExactly(Map.entry("cai", 0L));
    assertThat(empty.steps().get(0).clamps()).isEmpty();
  }

  @Test
  void aDrawWhoseAmountFailsDemandsNothingAndIsRecorded() {
    CompiledConfig c =
        config(
            "\"stock\": "
                + INT_STOCK
                + ", \"zero\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 10}",
            WAIT
                + ",\n"
                + """
            {"name": "take", "actors": ["*"],
             "draw": {"from": "world.stock", "amount": "10 / world.zero", "into": "self.got", "resolution": "proportional"},
             "narration": {"immersive": "t", "control": "t"}, "visibility": "all"}""",
            ONE_STEP);
    RunResult r = run(c, new ScriptedModel().script("ana", act("take")));
    StepRecord s = r.steps().get(0);
    assertThat(s.draws().get(0).demanded()).containsExactly(Map.entry("ana", 0L));
    assertThat(s.draws().get(0).granted()).containsExactly(Map.entry("ana", 0L));
    assertThat(s.failures())
        .extracting(MechanicFailure::where)
        .containsExactly("$.actions[1].draw.amount");
    assertThat(world(r).path("stock").asLong()).isEqualTo(10);
    assertThat(s.clamps()).isEmpty();
  }

  @Test
  void contestedDrawsLeaveNoClampsBehind() {
    for (String rule : List.of("proportional", "priority_random", "equal_split")) {
      RunResult r = take(rule, 9, 9, 9);
      assertThat(r.steps().get(0).clamps()).as(rule).isEmpty();
      assertThat(r.steps().get(0).failures()).as(rule).isEmpty();
      assertThat(got(r, "ana") + got(r, "bo") + got(r, "cai")).as(rule).isEqualTo(10);
    }
  }

  @Test
  void aDrawThatTakesAPoolBelowItsMinimumOrATargetAboveItsMaximumIsClampedAndRecorded() {
    CompiledConfig c =
        config(
            """
            "stock": {"type": "int", "initial": 10, "min": 2, "max": 100},
            "tank": {"type": "double", "initial": 1.5, "min": 0, "max": 100},
            "water": {"type": "double", "initial": 4, "min": 0, "max": 100}""",
            WAIT
                + ",\n"
                + """
            {"name": "take", "actors": ["*"], "parameters": {"n": {"type": "int", "min": 0, "max": 20}},
             "draw": {"from": "world.stock", "amount": "params.n", "into": "self.got", "resolution": "proportional"},
             "narration": {"immersive": "t", "control": "t"}, "visibility": "all"},
            {"name": "pour", "actors": ["*"], "parameters": {"l": {"type": "double", "min": 0, "max": 20}},
             "draw": {"from": "world.water", "amount": "params.l", "into": "world.tank", "resolution": "proportional"},
             "narration": {"immersive": "p", "control": "p"}, "visibility": "all"}""",
            ONE_STEP);
    RunResult r =
        run(
            c,
            new ScriptedModel()
                .script("ana", act("take", "n", 10))
                .script("bo", act("pour", "l", 2.5)));
    StepRecord s = r.steps().get(0);
    // The whole 10 is granted (a pool is shared down to 0); the pool cannot go below its minimum of
    // 2.
    assertThat(got(r, "ana")).isEqualTo(10);
    assertThat(world(r).path("stock").asLong()).isEqualTo(2);
    assertThat(world(r).path("water").asDouble()).isEqualTo(1.5);
    assertThat(world(r).path("tank").asDouble()).isEqualTo(4.0);
    assertThat(s.clamps()).containsExactly("world.stock: 0 clamped to 2 (draws on world.stock)");

    CompiledConfig small = drawingInto();
    RunResult over =
        run(
            small,
            new ScriptedModel()
                .script("ana", act("take", "n", 6))
                .script("cai", act("take", "n", 4)));
    assertThat(agent(over, "bo").path("last").asLong()).isEqualTo(5);
    assertThat(over.steps().get(0).clamps())
        .containsExactly(
            "agents.bo.last: 6 clamped to 5 (take by ana)",
            "agents.bo.last: 9 clamped to 5 (take by cai)");
  }

  /** Draws into bo's {@code last}, whose maximum here is 5. */
  private static CompiledConfig drawingInto() {
    return Configs.of(
        configJson(
                "\"stock\": " + INT_STOCK,
                WAIT
                    + ",\n"
                    + """
        {"name": "take", "actors": ["*"], "parameters": {"n": {"type": "int", "min": 0, "max": 20}},
         "draw": {"from": "world.stock", "amount": "params.n", "into": "agents.bo.last", "resolution": "proportional"},
         "narration": {"immersive": "t", "control": "t"}, "visibility": "all"}""",
                ONE_STEP)
            .replace(
                "\"last\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 1000}",
                "\"last\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 5}"));
  }
}

package io.aurelius.worldmodel.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrchestratorTest {
  private static AgentModel sim;
  private static final CompiledConfig REEF = Configs.catalogue("oyster_reef_commons");

  @BeforeAll
  static void open() {
    sim =
        AgentModels.open(List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty());
  }

  @AfterAll
  static void close() {
    sim.close();
  }

  private static RunResult run(Framing framing, long seed) {
    return Orchestrator.run(new RunSpec(REEF, framing, seed, sim), RunObserver.NONE);
  }

  @Test
  void runsTheReefToItsEndWithEveryTurnRecorded() {
    RunResult r = run(Framing.IMMERSIVE, 1);
    assertThat(r.end().status()).isIn(RunEnd.Status.COMPLETED, RunEnd.Status.TERMINATED);
    assertThat(r.steps()).isNotEmpty();
    for (StepRecord s : r.steps()) {
      assertThat(s.turns())
          .extracting(TurnRecord::agent)
          .containsExactly("marisol", "tomas", "ines");
      assertThat(s.stateHash()).hasSize(64);
      for (TurnRecord t : s.turns()) {
        assertThat(t.reply().sim()).isTrue();
        assertThat(t.reply().model()).isEqualTo("sim");
        assertThat(t.reasoning()).isNotBlank();
        assertThat(t.user()).contains("What I can do now:");
        assertThat(t.offered()).containsExactly("harvest", "mend_nets", "speak", "share_coins");
      }
    }
    assertThat(r.header().sim()).isTrue();
    assertThat(r.aenes()).hasSize(r.end().totals().aenes());
    assertThat(r.end().totals().turns()).isEqualTo(3 * r.steps().size());
    assertThat(r.end().finalStateHash()).isEqualTo(r.steps().get(r.steps().size() - 1).stateHash());
  }

  @Test
  void sameSeedSameRunAndSeedsDiffer() {
    RunResult a = run(Framing.IMMERSIVE, 7);
    RunResult b = run(Framing.IMMERSIVE, 7);
    assertThat(b.steps()).hasSameSizeAs(a.steps());
    for (int i = 0; i < a.steps().size(); i++) {
      assertThat(b.steps().get(i).stateHash()).isEqualTo(a.steps().get(i).stateHash());
      assertThat(withoutLatency(b.steps().get(i))).isEqualTo(withoutLatency(a.steps().get(i)));
    }
    List<String> ids = a.aenes().stream().map(x -> x.id().hex()).toList();
    assertThat(b.aenes().stream().map(x -> x.id().hex()).toList()).isEqualTo(ids);
    RunResult c = run(Framing.IMMERSIVE, 8);
    assertThat(c.aenes().stream().map(x -> x.id().hex()).toList()).isNotEqualTo(ids);
  }

  /**
   * A step's JSON without the one thing that differs between identical runs: wall-clock latency.
   */
  static String withoutLatency(StepRecord s) {
    com.fasterxml.jackson.databind.node.ObjectNode json = s.toJson();
    json.get("turns")
        .forEach(
            t ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("reply"))
                    .remove("latency_ms"));
    return json.toString();
  }

  @Test
  void theTwoFramingsTellTheSameWorldDifferently() {
    RunResult immersive = run(Framing.IMMERSIVE, 3);
    RunResult control = run(Framing.CONTROL, 3);
    TurnRecord i = immersive.steps().get(0).turns().get(0);
    TurnRecord c = control.steps().get(0).turns().get(0);
    assertThat(immersive.header().initialStateHash())
        .isEqualTo(control.header().initialStateHash());
    assertThat(i.system())
        .startsWith("I am Marisol Vega.")
        .doesNotContainIgnoringCase("game")
        .doesNotContainIgnoringCase("player");
    assertThat(i.user())
        .contains("Week 1.")
        .contains("roughly 120 bushels")
        .doesNotContainIgnoringCase("game");
    assertThat(c.system())
        .contains("You are a player in a multi-player game")
        .contains("player id: marisol");
    assertThat(c.user())
        .contains("Step 1 of at most 8.")
        .contains("Pool: 120 units.")
        .contains("Legal moves:")
        .contains("Allowed only if: world.reef > 0.");
    assertThat(RenderedTextLint.terms(i.system() + i.user())).isEmpty();
    assertThat(RenderedTextLint.terms(c.system() + c.user()))
        .isNotEmpty(); // the lint does see a game
    for (TurnRecord t : List.of(i, c)) {
      assertThat(t.system() + t.user())
          .doesNotContainIgnoringCase("other's interest")
          .doesNotContainIgnoringCase("weigh");
    }
  }
}

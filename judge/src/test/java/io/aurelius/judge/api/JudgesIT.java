package io.aurelius.judge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.Framing;
import io.aurelius.judge.sim.SimJudgeResponder;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.sim.server.FaultPlan;
import io.aurelius.worldmodel.sim.server.SimLlmServer;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.Transcript;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facade the validator calls, with an LLM judge over real HTTP: the sim server requires a
 * bearer key, as a hosted endpoint does, and answers judge prompts as the sim judge.
 */
class JudgesIT {
  private static final byte[] SECRET = "canaries".getBytes(StandardCharsets.UTF_8);
  private static SimLlmServer server;
  private static List<Transcript> runs;

  @BeforeAll
  static void start() throws Exception {
    server =
        SimLlmServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            FaultPlan.NONE,
            4,
            new SimJudgeResponder(),
            Optional.of("judge-key"));
    try (AgentModel sim =
        AgentModels.open(
            List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty())) {
      runs = new ArrayList<>();
      for (Framing f : Framing.values()) {
        runs.add(
            Orchestrator.run(
                    new RunSpec(Catalogue.load("keel_sale_trust").orElseThrow(), f, 3, sim),
                    RunObserver.NONE)
                .transcript());
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JudgeSetup overHttp(Optional<String> key) {
    return JudgeSetup.defaults(List.of("openai:" + server.openAiBaseUrl() + "#sim"), 0.4)
        .withEndpoints(4, Duration.ofSeconds(10), 1)
        .withApiKey(key);
  }

  private static List<Aene> aenes() {
    return runs.stream().flatMap(t -> t.aenes().stream()).limit(6).toList();
  }

  @Test
  void anLlmJudgeSendsTheKeyItWasGivenAndScoresTheEpoch() {
    try (Judges judges = Judges.open(overHttp(Optional.of("judge-key")))) {
      EpochJudgement epoch = judges.score(SECRET, runs, List.of(), Map.of());
      assertThat(epoch.configurations()).hasSize(1);
      ConfigurationJudgement keel = epoch.configurations().get(0);
      assertThat(keel.dlv()).isGreaterThan(0);
      assertThat(epoch.judgeCalls()).containsKey(judges.ids().get(0));
      assertThat(epoch.judgeCalls().get(judges.ids().get(0)))
          .containsKey("scored")
          .doesNotContainKey("failed-over");
      assertThat(keel.approved()).allSatisfy(a -> assertThat(a.dlv()).isGreaterThanOrEqualTo(0.4));

      Map<String, Rejudgement> again = judges.rejudge(SECRET, aenes(), Map.of());
      assertThat(again).hasSize(aenes().size());
      assertThat(again.values()).anySatisfy(r -> assertThat(r.dlv()).isGreaterThan(0));
    }
  }

  @Test
  void withoutTheKeyEveryCallIsRefusedAndNothingIsApproved() {
    try (Judges judges = Judges.open(overHttp(Optional.empty()))) {
      Map<String, Rejudgement> again = judges.rejudge(SECRET, aenes(), Map.of());
      assertThat(again.values()).allSatisfy(r -> assertThat(r.approve()).isFalse());
      EpochJudgement epoch = judges.score(SECRET, runs, List.of(), Map.of());
      assertThat(epoch.judgeCalls().get(judges.ids().get(0))).doesNotContainKey("scored");
      assertThat(epoch.configurations().get(0).approved()).isEmpty();
    }
  }

  @Test
  void theValidatorsMinimumOfDecisionsIsTheOneItsRankingUses() {
    // keel offers fewer than 100 decisions: with that minimum its DLV counts the rest as 0.
    try (Judges plain = Judges.open(JudgeSetup.defaults(List.of("sim"), 0.4).withMinDecisions(0));
        Judges strict =
            Judges.open(JudgeSetup.defaults(List.of("sim"), 0.4).withMinDecisions(100))) {
      EpochJudgement a = plain.score(SECRET, runs, List.of(), Map.of());
      EpochJudgement b = strict.score(SECRET, runs, List.of(), Map.of());
      assertThat(a.detail().ranking().policy().minDecisions()).isZero();
      assertThat(b.detail().ranking().policy().minDecisions()).isEqualTo(100);
      int aenes = a.detail().configurations().get(0).aenes();
      assertThat(aenes).isPositive().isLessThan(100);
      assertThat(b.configurations().get(0).dlv())
          .isCloseTo(a.configurations().get(0).dlv() * aenes / 100, within(1e-9));
    }
    assertThatThrownBy(() -> JudgeSetup.defaults(List.of("sim"), 0.4).withMinDecisions(-1))
        .hasMessage("min decisions: -1 (expected: 0..1000)");
  }

  @Test
  void aSetupThatDoesNotParseIsRefusedInOneLine() {
    assertThatThrownBy(() -> JudgeSetup.defaults(List.of("gpt4"), 0.4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("judge: 'gpt4'")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> JudgeSetup.defaults(List.of("sim"), 0.4).withThreads(0))
        .hasMessage("judge threads: 0 (expected: 1..1024)");
    assertThat(overHttp(Optional.of("judge-key")).toString())
        .doesNotContain("judge-key")
        .contains("(set)");
  }
}

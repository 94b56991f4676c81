package io.aurelius.judge.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.judge.panel.JudgePanel;
import io.aurelius.judge.panel.JudgeSpec;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.prompt.Personas;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.rubric.Rubrics;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.sim.server.FaultPlan;
import io.aurelius.worldmodel.sim.server.SimLlmServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LLM judges over real HTTP: the world model's OpenAI and Ollama adapters (LangChain4j) against the
 * sim-llm server on loopback, with injected faults. The served sim answers a verdict schema with a
 * random conforming instance, which is all these tests need: what is checked is the path, the
 * labels and the mapping of every failure.
 */
class LlmJudgeIT {
  private static final EndpointPolicy POLICY =
      EndpointPolicy.DEFAULT
          .withTimeout(Duration.ofMillis(1500))
          .withAttempts(3, Duration.ofMillis(5), Duration.ofMillis(20));
  private final Rubric rubric = Rubrics.dlvV1();
  private final JudgeInput aene =
      JudgeInput.of(
          "a",
          "c",
          "Mara's boat sank near the reef.",
          "I weigh Mara's loss against my own catch.",
          "I lend Mara my net.");
  private final List<SimLlmServer> servers = new ArrayList<>();

  @AfterEach
  void close() {
    servers.forEach(SimLlmServer::close);
  }

  private SimLlmServer server(FaultPlan plan) throws Exception {
    SimLlmServer s = SimLlmServer.start(new InetSocketAddress("127.0.0.1", 0), plan, 4);
    servers.add(s);
    return s;
  }

  private Judge judge(String spec, EndpointPolicy policy) {
    return JudgePanel.build(
            List.of(JudgeSpec.parse(spec)),
            List.of(Personas.bundled().require("guardian")),
            rubric,
            policy,
            Optional.of("test-key"))
        .get(0);
  }

  private static void assertInRange(JudgeOutcome o) {
    assertThat(o)
        .isInstanceOfSatisfying(
            JudgeOutcome.Scored.class,
            s -> {
              for (Heuristic h : Heuristic.values()) {
                assertThat(s.score(h)).isBetween(0.0, 1.0);
              }
            });
  }

  @Test
  void openAiAndOllamaDialectsBothJudge() throws Exception {
    SimLlmServer s = server(FaultPlan.NONE);
    Judge openai = judge("openai:" + s.openAiBaseUrl() + "#sim", POLICY);
    assertThat(openai.descriptor().id()).isEqualTo("llm:sim/guardian");
    assertInRange(openai.judge(aene));
    assertInRange(judge("ollama:" + s.ollamaBaseUrl() + "#sim", POLICY).judge(aene));
  }

  @Test
  void serverErrorsAreRetriedAndADeadServerFailsOverToAHealthyOne() throws Exception {
    SimLlmServer flaky = server(FaultPlan.NONE.withErrors(1, 0).withFaultRequests(2));
    assertInRange(judge("openai:" + flaky.openAiBaseUrl() + "#sim", POLICY).judge(aene));

    SimLlmServer dead = server(FaultPlan.NONE.withErrors(1, 0));
    SimLlmServer healthy = server(FaultPlan.NONE);
    JudgeOutcome o =
        judge(
                "openai:"
                    + dead.openAiBaseUrl()
                    + "#sim|openai:"
                    + healthy.openAiBaseUrl()
                    + "#sim",
                POLICY)
            .judge(aene);
    assertThat(o)
        .isInstanceOfSatisfying(
            JudgeOutcome.Scored.class, sc -> assertThat(sc.failovers()).isEqualTo(1));
  }

  @Test
  void aHangingServerTimesOut() throws Exception {
    SimLlmServer hang = server(FaultPlan.NONE.withHangs(1, Duration.ofSeconds(20)));
    EndpointPolicy oneTry =
        POLICY.withTimeout(Duration.ofMillis(400)).withAttempts(1, Duration.ZERO, Duration.ZERO);
    assertThat(judge("openai:" + hang.openAiBaseUrl() + "#sim", oneTry).judge(aene))
        .isInstanceOf(JudgeOutcome.TimedOut.class);
  }

  @Test
  void malformedAnswersAreRecordedNotScored() throws Exception {
    SimLlmServer bad = server(FaultPlan.NONE.withMalformed(1));
    Judge j = judge("openai:" + bad.openAiBaseUrl() + "#sim", POLICY);
    for (int i = 0; i < 6; i++) {
      JudgeOutcome o = j.judge(aene);
      assertThat(o).isNotInstanceOf(JudgeOutcome.TimedOut.class);
      if (o instanceof JudgeOutcome.Scored s) {
        assertInRange(s);
      }
    }
  }

  @Test
  void anUnreachableEndpointFailsOver() {
    JudgeOutcome o =
        judge(
                "openai:http://127.0.0.1:9/v1#sim",
                POLICY.withAttempts(1, Duration.ZERO, Duration.ZERO))
            .judge(aene);
    assertThat(o)
        .isInstanceOfSatisfying(
            JudgeOutcome.FailedOver.class, f -> assertThat(f.lastError()).contains("127.0.0.1:9"));
  }
}

package io.aurelius.worldmodel.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.agent.schema.SampleSchemas;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Ollama adapter against sim-llm's Ollama dialect ({@code /api/chat}) on loopback. */
class OllamaAdapterIT {
  private static final EndpointPolicy POLICY =
      EndpointPolicy.DEFAULT
          .withTimeout(Duration.ofSeconds(5))
          .withAttempts(3, Duration.ofMillis(10), Duration.ofMillis(40));

  @Test
  void playsATurnAndRetriesServerErrors() throws Exception {
    try (SimLlmServer s =
            SimLlmServer.start(
                new InetSocketAddress("127.0.0.1", 0),
                FaultPlan.NONE.withErrors(1, 0).withFaultRequests(1),
                4);
        AgentModel m =
            AgentModels.open(
                List.of(ModelSpec.parse("ollama:" + s.ollamaBaseUrl() + "#sim")),
                POLICY,
                Optional.empty())) {
      AgentReply r =
          m.reply(
                  new AgentRequest(
                      "bo",
                      "I am Bo. I want to keep my boat.",
                      "The lake holds 60 fish.",
                      SampleSchemas.commons(),
                      3))
              .join();
      assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
      assertThat(r.model()).isEqualTo("sim");
      assertThat(r.sim()).isTrue();
      assertThat(r.tokens().source()).isEqualTo(TokenUsage.Source.REPORTED);
      assertThat(r.tokens().input()).isPositive();
      assertThat(r.incidents()).singleElement().asString().contains("5xx server error");
    }
  }
}

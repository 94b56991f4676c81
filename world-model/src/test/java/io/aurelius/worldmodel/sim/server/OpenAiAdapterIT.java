package io.aurelius.worldmodel.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.agent.endpoint.EndpointAgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.agent.schema.SampleSchemas;
import io.aurelius.worldmodel.sim.SimEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI adapter, retries, failover and repair against a real HTTP server: sim-llm on loopback
 * with faults injected.
 */
class OpenAiAdapterIT {
  private static final EndpointPolicy POLICY =
      EndpointPolicy.DEFAULT
          .withTimeout(Duration.ofMillis(800))
          .withAttempts(3, Duration.ofMillis(10), Duration.ofMillis(40));
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private SimLlmServer server(FaultPlan plan) throws IOException {
    SimLlmServer s = SimLlmServer.start(new InetSocketAddress("127.0.0.1", 0), plan, 8);
    open.add(s);
    return s;
  }

  private AgentModel model(String... specs) {
    AgentModel m =
        AgentModels.open(
            java.util.Arrays.stream(specs).map(ModelSpec::parse).toList(),
            POLICY,
            Optional.of("test-key"));
    open.add(m);
    return m;
  }

  private static String spec(SimLlmServer s) {
    return "openai:" + s.openAiBaseUrl() + "#sim";
  }

  private static AgentRequest request(long seed) {
    return new AgentRequest(
        "mara",
        "I am Mara, a fisher. My goal is to feed my family.",
        "The lake holds 60 fish. Ana and Bo are on the shore.",
        SampleSchemas.commons(),
        seed,
        Optional.of("cooperative"));
  }

  @Test
  void servedSimAnswersExactlyAsTheInProcessOneAndIsLabelled() throws Exception {
    SimLlmServer s = server(FaultPlan.NONE);
    AgentReply served = model(spec(s)).reply(request(9)).join();
    AgentReply local;
    try (EndpointAgentModel inProcess =
        new EndpointAgentModel("sim", List.of(new SimEndpoint()), List.of(POLICY))) {
      local = inProcess.play(request(9));
    }
    assertThat(served.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
    assertThat(served.rawText()).isEqualTo(local.rawText());
    assertThat(served.decision()).isEqualTo(local.decision());
    assertThat(served.model()).isEqualTo("sim");
    assertThat(served.sim()).isTrue();
    assertThat(served.tokens()).isEqualTo(local.tokens());
    assertThat(served.tokens().source()).isEqualTo(TokenUsage.Source.REPORTED);
    assertThat(served.endpoint()).isEqualTo(spec(s));
  }

  @Test
  void retriesServerErrorsAndRateLimitsForAWhile() throws Exception {
    SimLlmServer s = server(FaultPlan.NONE.withErrors(0.5, 1).withFaultRequests(2));
    AgentReply r = model(spec(s)).reply(request(1)).join();
    assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
    assertThat(r.calls()).isEqualTo(3);
    assertThat(r.incidents())
        .hasSize(2)
        .allSatisfy(
            i ->
                assertThat(i)
                    .containsAnyOf(
                        "429 rate limited", "5xx server error: sim-llm: injected server error "));
    assertThat(s.stats().serverErrors() + s.stats().rateLimited()).isEqualTo(2);
  }

  @Test
  void aHangingServerTimesOutAndIsRetried() throws Exception {
    SimLlmServer s =
        server(FaultPlan.NONE.withHangs(1, Duration.ofSeconds(30)).withFaultRequests(1));
    AgentReply r = model(spec(s)).reply(request(2)).join();
    assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
    assertThat(r.incidents()).singleElement().asString().contains("no answer within 800 ms");
    assertThat(r.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(800));
  }

  @Test
  void failsOverToTheNextEndpointWhenOneKeepsFailing() throws Exception {
    SimLlmServer broken = server(FaultPlan.NONE.withErrors(1, 0));
    SimLlmServer healthy = server(FaultPlan.NONE);
    AgentReply r = model(spec(broken), spec(healthy)).reply(request(3)).join();
    assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
    assertThat(r.endpoint()).isEqualTo(spec(healthy));
    assertThat(broken.stats().serverErrors()).isEqualTo(3);
    assertThat(r.incidents()).last().asString().endsWith("(try 3/3, failing over)");
  }

  @Test
  void anUnreachableEndpointIsFailedOver() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SimLlmServer healthy = server(FaultPlan.NONE);
    AgentReply r =
        model("openai:http://127.0.0.1:" + closedPort + "/v1#sim", spec(healthy))
            .reply(request(4))
            .join();
    assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
    assertThat(r.incidents()).first().asString().contains("unreachable: ConnectException");
  }

  @Test
  void malformedOutputIsRepairedOnce() throws Exception {
    SimLlmServer s = server(FaultPlan.NONE.withMalformed(1).withFaultRequests(1));
    AgentReply r = model(spec(s)).reply(request(5)).join();
    assertThat(r.outcome())
        .isInstanceOfSatisfying(ReplyOutcome.Decided.class, d -> assertThat(d.repaired()).isTrue());
    assertThat(r.incidents())
        .singleElement()
        .asString()
        .startsWith("malformed reply from " + spec(s));
    assertThat(s.stats().malformed()).isEqualTo(1);
    assertThat(s.stats().answered()).isEqualTo(2);
  }

  @Test
  void malformedTwiceIsAnInvalidActionWithTheRawText() throws Exception {
    SimLlmServer s = server(FaultPlan.NONE.withMalformed(1));
    AgentReply r = model(spec(s)).reply(request(6)).join();
    assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Malformed.class);
    assertThat(r.rawText()).isNotEmpty();
    assertThat(r.decision()).isEmpty();
    assertThat(r.calls()).isEqualTo(2);
  }

  @Test
  void tokensAreCountedWhenTheServerOmitsUsage() throws Exception {
    SimLlmServer s = server(FaultPlan.NONE.withUsage(false));
    AgentReply r = model(spec(s)).reply(request(7)).join();
    assertThat(r.tokens().source()).isEqualTo(TokenUsage.Source.COUNTED);
    assertThat(r.tokens().input()).isGreaterThan(20);
    assertThat(r.tokens().output()).isGreaterThan(10);
  }

  @Test
  void sixtyFourConcurrentCallsAreAllInFlightAtOnce() throws Exception {
    SimLlmServer s = server(FaultPlan.NONE);
    AgentModel m =
        AgentModels.open(
            List.of(ModelSpec.parse(spec(s))),
            POLICY.withMaxConcurrency(64).withTimeout(Duration.ofSeconds(10)),
            Optional.empty());
    open.add(m);
    m.reply(request(99)).join(); // warm the client up: the figure is about the server
    s.faults(FaultPlan.NONE.withLatency(new LatencyDistribution.Fixed(Duration.ofSeconds(1))));
    List<CompletableFuture<AgentReply>> replies = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      replies.add(m.reply(request(100 + i)));
    }
    replies.forEach(f -> assertThat(f.join().outcome()).isInstanceOf(ReplyOutcome.Decided.class));
    assertThat(s.stats().maxInFlight()).isEqualTo(64);
  }
}

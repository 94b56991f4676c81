package io.aurelius.worldmodel.agent.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.agent.schema.SampleSchemas;
import io.aurelius.worldmodel.agent.tokens.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EndpointAgentModelTest {
  private static final String GOOD =
      "{\"reasoning\":\"The lake is low.\",\"action\":{\"name\":\"wait\",\"params\":{}}}";
  private static final String BAD =
      "{\"reasoning\":\"r\",\"action\":{\"name\":\"fly\",\"params\":{}}}";
  private static final EndpointPolicy POLICY =
      EndpointPolicy.DEFAULT.withAttempts(3, Duration.ofMillis(100), Duration.ofSeconds(1));
  private final List<Duration> slept = new ArrayList<>();

  private EndpointAgentModel model(ChatEndpoint... endpoints) {
    List<EndpointPolicy> policies = new ArrayList<>();
    for (int i = 0; i < endpoints.length; i++) {
      policies.add(POLICY);
    }
    return new EndpointAgentModel(
        "test",
        List.of(endpoints),
        policies,
        d -> {
          synchronized (slept) {
            slept.add(d);
          }
        });
  }

  private static AgentRequest request() {
    return new AgentRequest("mara", "I am Mara.", "The lake is low.", SampleSchemas.commons(), 42);
  }

  @Test
  void answersWithAParsedDecision() {
    ScriptedEndpoint e = new ScriptedEndpoint("a").then(GOOD);
    try (EndpointAgentModel m = model(e)) {
      AgentReply r = m.play(request());
      assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
      assertThat(r.decision()).hasValueSatisfying(d -> assertThat(d.action()).isEqualTo("wait"));
      assertThat(r.tokens()).isEqualTo(new TokenUsage(100, 20, TokenUsage.Source.REPORTED));
      assertThat(r.rawText()).isEqualTo(GOOD);
      assertThat(r.calls()).isEqualTo(1);
      assertThat(r.incidents()).isEmpty();
      assertThat(e.calls.get(0).messages())
          .containsExactly(
              PromptMessage.system("I am Mara."), PromptMessage.user("The lake is low."));
      assertThat(e.calls.get(0).schema()).isEqualTo(SampleSchemas.commons().toJsonSchema());
      assertThat(e.calls.get(0).seed()).isEqualTo(42);
    }
  }

  @Test
  void retriesRateLimitsAndServerErrorsWithGrowingBackoff() {
    ScriptedEndpoint e =
        new ScriptedEndpoint("a")
            .then(EndpointFailure.Kind.RATE_LIMITED)
            .then(EndpointFailure.Kind.SERVER_ERROR)
            .then(GOOD);
    try (EndpointAgentModel m = model(e)) {
      AgentReply r = m.play(request());
      assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
      assertThat(r.calls()).isEqualTo(3);
      assertThat(r.incidents()).hasSize(2);
      assertThat(r.incidents().get(0))
          .isEqualTo(
              "a: scripted RATE_LIMITED (try 1/3, retrying in " + slept.get(0).toMillis() + " ms)");
      assertThat(slept.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(slept.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Test
  void failsOverWhenAnEndpointIsExhaustedAndPrefersHealthyOnesAfterwards() {
    ScriptedEndpoint down = new ScriptedEndpoint("primary").then(EndpointFailure.Kind.TIMEOUT);
    ScriptedEndpoint up = new ScriptedEndpoint("secondary").then(GOOD);
    try (EndpointAgentModel m = model(down, up)) {
      AgentReply r = m.play(request());
      assertThat(r.outcome()).isInstanceOf(ReplyOutcome.Decided.class);
      assertThat(r.endpoint()).isEqualTo("secondary");
      assertThat(r.calls()).isEqualTo(4);
      assertThat(r.incidents())
          .last()
          .asString()
          .contains("primary")
          .endsWith("(try 3/3, failing over)");
      // The primary is cooling down: the next turn goes straight to the secondary.
      AgentReply next = m.play(request());
      assertThat(next.calls()).isEqualTo(1);
      assertThat(down.calls).hasSize(3);
    }
  }

  @Test
  void refusalsAreNotRetried() {
    ScriptedEndpoint refusing = new ScriptedEndpoint("a").then(EndpointFailure.Kind.REJECTED);
    ScriptedEndpoint other = new ScriptedEndpoint("b").then(GOOD);
    try (EndpointAgentModel m = model(refusing, other)) {
      AgentReply r = m.play(request());
      assertThat(refusing.calls).hasSize(1);
      assertThat(r.endpoint()).isEqualTo("b");
    }
  }

  @Test
  void noEndpointAnsweringIsUnavailableWithTheReasons() {
    ScriptedEndpoint a = new ScriptedEndpoint("a").then(EndpointFailure.Kind.SERVER_ERROR);
    ScriptedEndpoint b = new ScriptedEndpoint("b").then(EndpointFailure.Kind.UNREACHABLE);
    try (EndpointAgentModel m = model(a, b)) {
      AgentReply r = m.play(request());
      assertThat(r.outcome())
          .isInstanceOfSatisfying(
              ReplyOutcome.Unavailable.class,
              u -> assertThat(u.reason()).contains("b: scripted UNREACHABLE (try 3/3, giving up)"));
      assertThat(r.calls()).isEqualTo(6);
      assertThat(r.incidents()).hasSize(6);
      assertThat(r.tokens()).isEqualTo(TokenUsage.NONE);
      assertThat(r.rawText()).isEmpty();
    }
  }

  @Test
  void malformedOutputGetsOneRepairAttemptCarryingTheReason() {
    ScriptedEndpoint e = new ScriptedEndpoint("a").then(BAD).then(GOOD);
    try (EndpointAgentModel m = model(e)) {
      AgentReply r = m.play(request());
      assertThat(r.outcome())
          .isInstanceOfSatisfying(
              ReplyOutcome.Decided.class, d -> assertThat(d.repaired()).isTrue());
      assertThat(r.tokens().input()).isEqualTo(200);
      List<PromptMessage> repair = e.calls.get(1).messages();
      assertThat(repair).hasSize(4);
      assertThat(repair.get(2)).isEqualTo(PromptMessage.assistant(BAD));
      assertThat(repair.get(3).text())
          .contains("reply.action.name: 'fly' (expected: one of [harvest, give, wait])");
      assertThat(r.incidents()).singleElement().asString().startsWith("malformed reply from a:");
    }
  }

  @Test
  void malformedTwiceIsARecordedInvalidAction() {
    ScriptedEndpoint e = new ScriptedEndpoint("a").then(BAD).then("not json at all");
    try (EndpointAgentModel m = model(e)) {
      AgentReply r = m.play(request());
      assertThat(r.outcome())
          .isInstanceOfSatisfying(
              ReplyOutcome.Malformed.class,
              mal -> assertThat(mal.reason()).startsWith("reply: no JSON object found"));
      assertThat(r.rawText()).isEqualTo("not json at all");
      assertThat(e.calls).hasSize(2);
      assertThat(r.incidents()).hasSize(2);
    }
  }

  @Test
  void countsTokensWhenTheServerDoesNot() {
    ScriptedEndpoint e = new ScriptedEndpoint("a").then(GOOD).withoutUsage();
    try (EndpointAgentModel m = model(e)) {
      AgentReply r = m.play(request());
      TokenCounter counter = TokenCounter.forModel("gpt-4o-mini");
      assertThat(counter.encodingName()).isEqualTo("o200k_base");
      assertThat(r.tokens().source()).isEqualTo(TokenUsage.Source.COUNTED);
      assertThat(r.tokens().output()).isEqualTo(counter.count(GOOD));
      assertThat(r.tokens().input()).isEqualTo(counter.countPrompt(e.calls.get(0).messages()));
      assertThat(r.tokens().input()).isBetween(10L, 30L);
    }
  }

  @Test
  void structuredCallsWithAnySchemaGetTheSameRetriesAndFailover() {
    ScriptedEndpoint down = new ScriptedEndpoint("a").then(EndpointFailure.Kind.SERVER_ERROR);
    ScriptedEndpoint up =
        new ScriptedEndpoint("b")
            .then(EndpointFailure.Kind.RATE_LIMITED)
            .then("{\"verdict\":\"yes\"}");
    try (EndpointAgentModel m = model(down, up)) {
      var schema = io.aurelius.core.json.Json.newObject().put("type", "object");
      ChatResult r =
          m.chat(List.of(PromptMessage.user("Is this reasoning coherent?")), schema, 3).join();
      assertThat(r.completion())
          .hasValueSatisfying(c -> assertThat(c.text()).isEqualTo("{\"verdict\":\"yes\"}"));
      assertThat(r.endpoint()).isEqualTo("b");
      assertThat(r.calls()).isEqualTo(5);
      assertThat(r.incidents()).hasSize(4);
      assertThat(r.tokens().input()).isEqualTo(100);
      assertThat(up.calls.get(1).schema()).isEqualTo(schema);
    }
  }

  @Test
  void neverHasMoreCallsInFlightThanTheEndpointAllows() {
    ScriptedEndpoint e = new ScriptedEndpoint("a").then(GOOD).holding(20);
    try (EndpointAgentModel m =
        new EndpointAgentModel("test", List.of(e), List.of(POLICY.withMaxConcurrency(3)))) {
      List<CompletableFuture<AgentReply>> futures = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        futures.add(m.reply(request()));
      }
      futures.forEach(f -> assertThat(f.join().outcome()).isInstanceOf(ReplyOutcome.Decided.class));
      assertThat(e.maxInFlight.get()).isEqualTo(3);
    }
  }
}

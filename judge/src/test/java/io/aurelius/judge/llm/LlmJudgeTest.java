package io.aurelius.judge.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.port.JudgeKind;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.prompt.PromptBuilder;
import io.aurelius.judge.prompt.VerdictParser;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.rubric.Rubrics;
import io.aurelius.worldmodel.agent.endpoint.ChatCall;
import io.aurelius.worldmodel.agent.endpoint.ChatEndpoint;
import io.aurelius.worldmodel.agent.endpoint.Completion;
import io.aurelius.worldmodel.agent.endpoint.EndpointFailure;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LlmJudgeTest {
  private final Rubric rubric = Rubrics.dlvV1();
  private final JudgeInput aene =
      JudgeInput.of("a", "c", "Obs about Mara.", "I weigh Mara's needs.", "I stay.");
  private final String verdict =
      "{\"criteria\": {"
          + rubric.criteria().stream()
              .map(c -> "\"" + c.id() + "\": " + (c.weight() > 0))
              .collect(Collectors.joining(", "))
          + "}, \"instruction_like\": false, \"rationale\": \"x\"}";

  /** Plays a script of answers and failures, recording the calls it got. */
  static final class Scripted implements ChatEndpoint {
    private final String name;
    private final Deque<Object> script = new ArrayDeque<>();
    final List<ChatCall> calls = new ArrayList<>();

    Scripted(String name, Object... steps) {
      this.name = name;
      script.addAll(List.of(steps));
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String model() {
      return "m";
    }

    @Override
    public synchronized Completion complete(ChatCall call) throws EndpointFailure {
      calls.add(call);
      Object step = script.size() > 1 ? script.poll() : script.peek();
      if (step instanceof EndpointFailure.Kind k) {
        throw new EndpointFailure(k, "scripted " + k);
      }
      if (step instanceof RuntimeException e) {
        throw e;
      }
      return new Completion((String) step, Optional.empty(), "m", false);
    }
  }

  private LlmJudge judge(EndpointPolicy policy, ChatEndpoint... endpoints) {
    return new LlmJudge(
        new JudgeDescriptor("llm:m", JudgeKind.LLM, "m", Optional.empty()),
        List.of(endpoints),
        policy,
        rubric,
        new PromptBuilder(rubric, Optional.empty()),
        VerdictParser.withBundledRefusals(rubric),
        new SplittableRandom(1),
        d -> {});
  }

  private static final EndpointPolicy THREE_TRIES =
      EndpointPolicy.DEFAULT.withTimeout(Duration.ofSeconds(2));

  @Test
  void retriesRetriableFailuresThenFailsOver() {
    Scripted a = new Scripted("a", EndpointFailure.Kind.RATE_LIMITED);
    Scripted b = new Scripted("b", EndpointFailure.Kind.SERVER_ERROR, verdict);
    JudgeOutcome o = judge(THREE_TRIES, a, b).judge(aene);
    assertThat(o)
        .isInstanceOfSatisfying(
            JudgeOutcome.Scored.class,
            s -> {
              assertThat(s.endpoint()).isEqualTo("b");
              assertThat(s.failovers()).isEqualTo(1);
              assertThat(s.scores().values()).containsOnly(1.0);
            });
    assertThat(a.calls).hasSize(3);
    assertThat(b.calls).hasSize(2);
    // The verdict schema travels with the call, for servers that constrain output.
    assertThat(b.calls.get(0).schema().at("/properties/criteria/required").size())
        .isEqualTo(rubric.criteria().size());
  }

  @Test
  void aRejectedRequestFailsOverAtOnce() {
    Scripted a = new Scripted("a", EndpointFailure.Kind.REJECTED);
    Scripted b = new Scripted("b", verdict);
    assertThat(judge(THREE_TRIES, a, b).judge(aene)).isInstanceOf(JudgeOutcome.Scored.class);
    assertThat(a.calls).hasSize(1);
  }

  @Test
  void onlyTimeoutsMeanTimedOutAndAnythingElseFailedOver() {
    assertThat(
            judge(
                    THREE_TRIES,
                    new Scripted("a", EndpointFailure.Kind.TIMEOUT),
                    new Scripted("b", EndpointFailure.Kind.TIMEOUT))
                .judge(aene))
        .isInstanceOfSatisfying(
            JudgeOutcome.TimedOut.class,
            t -> assertThat(t.after()).isEqualTo(Duration.ofSeconds(12)));
    assertThat(
            judge(
                    THREE_TRIES,
                    new Scripted("a", EndpointFailure.Kind.TIMEOUT),
                    new Scripted("b", EndpointFailure.Kind.UNREACHABLE))
                .judge(aene))
        .isInstanceOfSatisfying(
            JudgeOutcome.FailedOver.class,
            f -> {
              assertThat(f.endpoints()).containsExactly("a", "b");
              assertThat(f.lastError()).contains("b: scripted UNREACHABLE");
            });
    assertThat(
            judge(THREE_TRIES, new Scripted("a", new IllegalStateException("adapter bug")))
                .judge(aene))
        .isInstanceOfSatisfying(
            JudgeOutcome.FailedOver.class, f -> assertThat(f.lastError()).contains("adapter bug"));
  }

  @Test
  void anAnswerIsFinalEvenWhenItIsBad() {
    Scripted a = new Scripted("a", "{\"criteria\": {\"sa_stake\": 9}}");
    Scripted b = new Scripted("b", verdict);
    assertThat(judge(THREE_TRIES, a, b).judge(aene)).isInstanceOf(JudgeOutcome.Malformed.class);
    assertThat(b.calls).isEmpty();
    assertThat(
            judge(THREE_TRIES, new Scripted("c", "I'm sorry, but I cannot help with that."))
                .judge(aene))
        .isInstanceOf(JudgeOutcome.Refused.class);
  }

  @Test
  void aFailedEndpointCoolsDownAndIsTriedLast() {
    Scripted a = new Scripted("a", EndpointFailure.Kind.REJECTED, verdict);
    Scripted b = new Scripted("b", verdict);
    LlmJudge j = judge(THREE_TRIES, a, b);
    j.judge(aene);
    j.judge(aene);
    assertThat(a.calls).hasSize(1);
    assertThat(b.calls).hasSize(2);
  }
}

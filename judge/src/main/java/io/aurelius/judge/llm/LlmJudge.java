package io.aurelius.judge.llm;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.prompt.JudgePrompt;
import io.aurelius.judge.prompt.PromptBuilder;
import io.aurelius.judge.prompt.VerdictParser;
import io.aurelius.judge.prompt.VerdictSchema;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.endpoint.ChatCall;
import io.aurelius.worldmodel.agent.endpoint.ChatEndpoint;
import io.aurelius.worldmodel.agent.endpoint.Completion;
import io.aurelius.worldmodel.agent.endpoint.EndpointFailure;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A judge backed by chat endpoints that all serve the same model. For each aene: build the fenced
 * prompt; ask the first healthy endpoint (holding one of its permits), retrying retriable failures
 * with backoff up to the policy's attempts, then fail over to the next. An answer, even a refusal
 * or a malformed one, is final: asking again until a model says something else would bias the
 * panel.
 */
public final class LlmJudge implements Judge {
  private static final Logger LOG = LoggerFactory.getLogger(LlmJudge.class);

  /** Sleeps between tries; tests replace it to keep backoff instant. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final JudgeDescriptor descriptor;
  private final List<Slot> slots;
  private final PromptBuilder prompts;
  private final VerdictParser parser;
  private final JsonNode schema;
  private final RandomGenerator random;
  private final Sleeper sleeper;

  /**
   * @param random the source of fence tags (a {@code SecureRandom} in production)
   */
  public LlmJudge(
      JudgeDescriptor descriptor,
      List<ChatEndpoint> endpoints,
      EndpointPolicy policy,
      Rubric rubric,
      PromptBuilder prompts,
      VerdictParser parser,
      RandomGenerator random,
      Sleeper sleeper) {
    this.descriptor = requireNonNull(descriptor, "descriptor");
    requireNonNull(endpoints, "endpoints");
    requireNonNull(policy, "policy");
    this.prompts = requireNonNull(prompts, "prompts");
    this.parser = requireNonNull(parser, "parser");
    this.schema = VerdictSchema.of(requireNonNull(rubric, "rubric"));
    this.random = requireNonNull(random, "random");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException(
          "judge " + descriptor.id() + ": no endpoints (expected: at least one)");
    }
    this.slots = endpoints.stream().map(e -> new Slot(e, policy)).toList();
  }

  public LlmJudge(
      JudgeDescriptor descriptor,
      List<ChatEndpoint> endpoints,
      EndpointPolicy policy,
      Rubric rubric,
      PromptBuilder prompts,
      VerdictParser parser,
      RandomGenerator random) {
    this(
        descriptor,
        endpoints,
        policy,
        rubric,
        prompts,
        parser,
        random,
        d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
  }

  @Override
  public JudgeDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public JudgeOutcome judge(JudgeInput input) {
    requireNonNull(input, "input");
    JudgePrompt prompt = prompts.build(input, random);
    ChatCall call =
        new ChatCall(
            List.of(PromptMessage.system(prompt.system()), PromptMessage.user(prompt.user())),
            schema,
            0,
            Optional.empty());
    long now = System.nanoTime();
    List<Slot> order = new ArrayList<>();
    slots.stream().filter(s -> s.healthy(now)).forEach(order::add);
    slots.stream().filter(s -> !s.healthy(now)).forEach(order::add); // last resort, still tried
    List<String> tried = new ArrayList<>();
    int failures = 0;
    int timeouts = 0;
    Duration waited = Duration.ZERO;
    String lastError = "";
    for (int i = 0; i < order.size(); i++) {
      Slot slot = order.get(i);
      tried.add(slot.endpoint.name());
      for (int attempt = 1; attempt <= slot.policy.maxAttempts(); attempt++) {
        try {
          Completion c = callWithPermit(slot, call);
          slot.markUp();
          return parser.parse(c.text(), slot.endpoint.name(), i);
        } catch (EndpointFailure f) {
          failures++;
          lastError = slot.endpoint.name() + ": " + f.getMessage();
          if (f.kind() == EndpointFailure.Kind.TIMEOUT) {
            timeouts++;
            waited = waited.plus(slot.policy.timeout());
          }
          if (!f.kind().retriable() || attempt == slot.policy.maxAttempts()) {
            slot.markDown(System.nanoTime());
            break;
          }
          try {
            sleeper.sleep(slot.policy.backoff(attempt, random.nextDouble()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JudgeOutcome.FailedOver(tried, "interrupted");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new JudgeOutcome.FailedOver(tried, "interrupted while waiting for a free slot");
        } catch (RuntimeException e) {
          // An adapter bug must not take the batch down: record it and fail over.
          failures++;
          lastError =
              slot.endpoint.name()
                  + ": unexpected "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage();
          LOG.warn("judge {} endpoint {} threw", descriptor.id(), slot.endpoint.name(), e);
          break;
        }
      }
    }
    if (failures > 0 && timeouts == failures) {
      return new JudgeOutcome.TimedOut(waited);
    }
    return new JudgeOutcome.FailedOver(tried, lastError);
  }

  private static Completion callWithPermit(Slot slot, ChatCall call)
      throws EndpointFailure, InterruptedException {
    slot.permits.acquire();
    try {
      return slot.endpoint.complete(call);
    } finally {
      slot.permits.release();
    }
  }
}

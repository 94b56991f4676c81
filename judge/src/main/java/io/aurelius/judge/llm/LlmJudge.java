package io.aurelius.judge.llm;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.prompt.JudgePrompt;
import io.aurelius.judge.prompt.PromptBuilder;
import io.aurelius.judge.prompt.VerdictParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A judge backed by chat models. Endpoints are tried in order: a timeout or an error moves on
 * to the next (failover); an answer, even a refusal or a malformed one, is final, because
 * asking again until a model says something else would bias the panel.
 */
public final class LlmJudge implements Judge {
  private static final Logger LOG = LoggerFactory.getLogger(LlmJudge.class);

  private final JudgeDescriptor descriptor;
  private final List<ChatEndpoint> endpoints;
  private final PromptBuilder prompts;
  private final VerdictParser parser;
  private final Duration timeout;
  private final Executor calls;
  private final RandomGenerator random;

  /**
   * @param timeout the budget for one endpoint's answer
   * @param calls the bounded pool that runs the blocking model calls
   * @param random the source of fence tags (a {@code SecureRandom} in production)
   */
  public LlmJudge(JudgeDescriptor descriptor, List<ChatEndpoint> endpoints, PromptBuilder prompts,
      VerdictParser parser, Duration timeout, Executor calls, RandomGenerator random) {
    this.descriptor = requireNonNull(descriptor, "descriptor");
    this.endpoints = List.copyOf(endpoints);
    this.prompts = requireNonNull(prompts, "prompts");
    this.parser = requireNonNull(parser, "parser");
    this.timeout = requireNonNull(timeout, "timeout");
    this.calls = requireNonNull(calls, "calls");
    this.random = requireNonNull(random, "random");
    if (this.endpoints.isEmpty()) {
      throw new IllegalArgumentException("judge " + descriptor.id() + ": no endpoints (expected: at least one)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: positive)");
    }
  }

  @Override
  public JudgeDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public JudgeOutcome judge(JudgeInput input) {
    requireNonNull(input, "input");
    JudgePrompt prompt = prompts.build(input, random);
    ChatRequest request = ChatRequest.builder()
        .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
        .temperature(0.0)
        .build();
    List<String> tried = new ArrayList<>();
    int timeouts = 0;
    String lastError = "";
    for (int i = 0; i < endpoints.size(); i++) {
      ChatEndpoint endpoint = endpoints.get(i);
      tried.add(endpoint.name());
      CompletableFuture<ChatResponse> call =
          CompletableFuture.supplyAsync(() -> endpoint.model().chat(request), calls);
      try {
        ChatResponse response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        return parser.parse(text, endpoint.name(), i);
      } catch (TimeoutException e) {
        call.cancel(true);
        timeouts++;
        lastError = endpoint.name() + ": no answer within " + timeout.toMillis() + " ms";
      } catch (InterruptedException e) {
        call.cancel(true);
        Thread.currentThread().interrupt();
        return new JudgeOutcome.FailedOver(tried, "interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof ContentFilteredException) {
          return new JudgeOutcome.Refused(endpoint.name() + ": content filtered: " + oneLine(cause));
        }
        if (cause instanceof dev.langchain4j.exception.TimeoutException) {
          timeouts++;
          lastError = endpoint.name() + ": timed out: " + oneLine(cause);
        } else {
          lastError = endpoint.name() + ": " + cause.getClass().getSimpleName() + ": " + oneLine(cause);
        }
      }
      LOG.debug("judge {} endpoint {} failed: {}", descriptor.id(), endpoint.name(), lastError);
    }
    if (timeouts == endpoints.size()) {
      return new JudgeOutcome.TimedOut(timeout.multipliedBy(endpoints.size()));
    }
    return new JudgeOutcome.FailedOver(tried, lastError);
  }

  private static String oneLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    String line = m.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}

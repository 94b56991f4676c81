package io.aurelius.worldmodel.orchestrator;

import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.Decision;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.value.Value;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An agent model for the rule tests: each agent plays the replies scripted for it, one per step, in
 * order; an agent whose script has run out waits (the {@code wait} action, when the test's
 * configuration declares one). Every request is kept so a test can read what each agent was shown.
 */
final class ScriptedModel implements AgentModel {
  /** One scripted turn: a reply, or a failure the model raises instead of answering. */
  sealed interface Play permits Reply, Throw, Fail, Hang, Nothing {}

  record Reply(ReplyOutcome outcome, TokenUsage tokens) implements Play {}

  /** {@code reply} itself throws. */
  record Throw(RuntimeException e) implements Play {}

  /**
   * The future completes exceptionally; {@code wrapped}: with a CompletionException around it, as a
   * chained stage does.
   */
  record Fail(RuntimeException e, boolean wrapped) implements Play {
    Fail(RuntimeException e) {
      this(e, false);
    }
  }

  /** The future never completes (until cancelled); it is kept in {@link #hanging()}. */
  record Hang() implements Play {}

  /** The future completes with no reply at all ({@code null}). */
  record Nothing() implements Play {}

  private final List<CompletableFuture<AgentReply>> hanging = new ArrayList<>();

  private final Map<String, Deque<Play>> scripts = new LinkedHashMap<>();
  private final List<AgentRequest> requests = new ArrayList<>();

  /** {@code agent} plays {@code plays}, one per step. */
  ScriptedModel script(String agent, Play... plays) {
    scripts.computeIfAbsent(agent, a -> new ArrayDeque<>()).addAll(List.of(plays));
    return this;
  }

  /**
   * A decided action with parameters given as name, value pairs ({@code Long}, {@code Double},
   * String, Boolean).
   */
  static Play act(String action, Object... params) {
    return new Reply(
        new ReplyOutcome.Decided(new Decision("because", action, params(params)), false),
        new TokenUsage(10, 2, TokenUsage.Source.REPORTED));
  }

  static Play malformed(String reason) {
    return new Reply(new ReplyOutcome.Malformed(reason), TokenUsage.NONE);
  }

  static Play unavailable(String reason) {
    return new Reply(new ReplyOutcome.Unavailable(reason), TokenUsage.NONE);
  }

  static Map<String, Value> params(Object... pairs) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object v = pairs[i + 1];
      Value value =
          v instanceof Long l
              ? Value.of(l)
              : v instanceof Integer n
                  ? Value.of((long) n)
                  : v instanceof Double d
                      ? Value.of(d)
                      : v instanceof Boolean b ? Value.of(b) : Value.of((String) v);
      out.put((String) pairs[i], value);
    }
    return out;
  }

  @Override
  public synchronized CompletableFuture<AgentReply> reply(AgentRequest request) {
    requests.add(request);
    Deque<Play> script = scripts.get(request.agent());
    Play play = script == null || script.isEmpty() ? act("wait") : script.removeFirst();
    if (play instanceof Throw t) {
      throw t.e();
    }
    if (play instanceof Fail f) {
      CompletableFuture<AgentReply> failed = CompletableFuture.failedFuture(f.e());
      return f.wrapped() ? failed.thenApply(r -> r) : failed;
    }
    if (play instanceof Hang) {
      CompletableFuture<AgentReply> never = new CompletableFuture<>();
      hanging.add(never);
      return never;
    }
    if (play instanceof Nothing) {
      return CompletableFuture.completedFuture(null);
    }
    Reply r = (Reply) play;
    return CompletableFuture.completedFuture(
        new AgentReply(
            r.outcome(),
            "{}",
            r.tokens(),
            Duration.ofMillis(1),
            "scripted",
            true,
            "scripted",
            1,
            List.of()));
  }

  /** The futures of {@link Hang} plays, in the order made. */
  synchronized List<CompletableFuture<AgentReply>> hanging() {
    return List.copyOf(hanging);
  }

  /** Every request so far, in the order made. */
  synchronized List<AgentRequest> requests() {
    return List.copyOf(requests);
  }

  /** The user message {@code agent} was shown at {@code step} (1-based). */
  synchronized String shown(String agent, int step) {
    return requests.stream()
        .filter(r -> r.agent().equals(agent))
        .skip(step - 1L)
        .findFirst()
        .orElseThrow()
        .user();
  }

  @Override
  public String describe() {
    return "scripted";
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public void close() {}
}

package io.aurelius.worldmodel.replay;

import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.Decision;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.transcript.ReplyRecord;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TurnRecord;
import io.aurelius.worldmodel.value.Value;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers each agent's calls, in order, with the replies the transcript recorded for it. Each
 * request's observation is compared with the recorded one; differences are collected. Thread-safe.
 */
final class ReplayModel implements AgentModel {
  private final Map<String, Deque<Recorded>> byAgent = new HashMap<>();
  private final List<String> observationMismatches = new ArrayList<>();
  private final String model;
  private final boolean sim;

  private record Recorded(int step, TurnRecord turn) {}

  ReplayModel(Transcript transcript) {
    for (StepRecord s : transcript.steps()) {
      for (TurnRecord t : s.turns()) {
        byAgent.computeIfAbsent(t.agent(), k -> new ArrayDeque<>()).add(new Recorded(s.step(), t));
      }
    }
    this.model = transcript.header().model();
    this.sim = transcript.header().sim();
  }

  @Override
  public synchronized CompletableFuture<AgentReply> reply(AgentRequest request) {
    Deque<Recorded> queue = byAgent.get(request.agent());
    if (queue == null || queue.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the transcript has no further reply for " + request.agent()));
    }
    Recorded r = queue.poll();
    if (!r.turn().user().equals(request.user()) || !r.turn().system().equals(request.system())) {
      String want = r.turn().system() + "\n" + r.turn().user();
      String got = request.system() + "\n" + request.user();
      int at = 0;
      while (at < Math.min(want.length(), got.length()) && want.charAt(at) == got.charAt(at)) {
        at++;
      }
      observationMismatches.add(
          "step "
              + r.step()
              + " "
              + request.agent()
              + ": rendered observation differs from "
              + "the recorded one at character "
              + at
              + ": '"
              + excerpt(got, at)
              + "' (recorded '"
              + excerpt(want, at)
              + "')");
    }
    return CompletableFuture.completedFuture(reply(r.turn()));
  }

  private static String excerpt(String s, int at) {
    return s.substring(Math.max(0, at - 20), Math.min(s.length(), at + 40)).replace('\n', ' ');
  }

  private static AgentReply reply(TurnRecord t) {
    ReplyRecord rec = t.reply();
    ReplyOutcome outcome =
        switch (rec.outcome()) {
          case ReplyRecord.DECIDED ->
              new ReplyOutcome.Decided(
                  new Decision(t.reasoning(), t.action().orElse(""), values(t.params())),
                  rec.repaired());
          case ReplyRecord.MALFORMED ->
              new ReplyOutcome.Malformed(rec.reason().orElse("malformed"));
          default -> new ReplyOutcome.Unavailable(rec.reason().orElse("unavailable"));
        };
    return new AgentReply(
        outcome,
        rec.raw(),
        rec.tokens(),
        Duration.ofMillis(rec.latencyMillis()),
        rec.model(),
        rec.sim(),
        rec.endpoint(),
        rec.calls(),
        rec.incidents());
  }

  private static Map<String, Value> values(Map<String, Object> params) {
    Map<String, Value> out = new LinkedHashMap<>();
    params.forEach(
        (k, v) ->
            out.put(
                k,
                v instanceof Long l
                    ? Value.of(l)
                    : v instanceof Double d
                        ? Value.of(d)
                        : v instanceof Boolean b ? Value.of(b) : Value.of(String.valueOf(v))));
    return out;
  }

  synchronized List<String> observationMismatches() {
    return List.copyOf(observationMismatches);
  }

  @Override
  public String describe() {
    return model;
  }

  @Override
  public boolean simulated() {
    return sim;
  }

  @Override
  public void close() {}
}

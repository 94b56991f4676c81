package io.aurelius.worldmodel.agent.models;

import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.Decision;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.agent.schema.ActionChoice;
import io.aurelius.worldmodel.agent.schema.ParamSpec;
import io.aurelius.worldmodel.value.Value;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers at once, on the caller's thread, with a legal action chosen by the seed and the lowest
 * value of every parameter. It does no work, so a run with it measures the orchestrator alone.
 * Labelled {@code instant} and marked simulated.
 */
public final class InstantAgentModel implements AgentModel {
  public static final String NAME = "instant";

  @Override
  public CompletableFuture<AgentReply> reply(AgentRequest request) {
    List<ActionChoice> actions = request.schema().actions();
    ActionChoice a = actions.get((int) Math.floorMod(request.seed(), (long) actions.size()));
    Map<String, Value> params = new LinkedHashMap<>();
    a.params().forEach((name, spec) -> params.put(name, lowest(spec)));
    Decision d = new Decision("Acting at once.", a.name(), params);
    return CompletableFuture.completedFuture(
        new AgentReply(
            new ReplyOutcome.Decided(d, false),
            "",
            TokenUsage.NONE,
            Duration.ZERO,
            NAME,
            true,
            NAME,
            1,
            List.of()));
  }

  private static Value lowest(ParamSpec spec) {
    if (spec instanceof ParamSpec.IntRange r) {
      return Value.of(r.min());
    }
    if (spec instanceof ParamSpec.RealRange r) {
      return Value.of(r.min());
    }
    if (spec instanceof ParamSpec.OneOf o) {
      return Value.of(o.values().get(0));
    }
    if (spec instanceof ParamSpec.FreeText) {
      return Value.of("Nothing to add.");
    }
    return Value.of(false);
  }

  @Override
  public String describe() {
    return NAME;
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public void close() {}
}

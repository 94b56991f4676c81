package io.aurelius.node.console;

import static io.aurelius.node.console.ConsoleJson.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.judge.api.EpochJudgement;
import io.aurelius.judge.ensemble.BatchVerdict;
import io.aurelius.judge.ensemble.CanaryVerdict;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeKind;
import io.aurelius.judge.scoring.ConfigurationScore;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.worldmodel.agent.SimLabel;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.transcript.ReplyRecord;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Listens to a validator's epochs for what its store does not keep in a form the console reads: the
 * judges' agreement (Krippendorff's α per heuristic and for DLV) and canary results of the last
 * {@value #KEPT_EPOCHS} judged epochs, and per model endpoint its calls, failures and latency.
 * Memory only: after a restart it shows what this process has seen.
 */
final class ConsoleRecorder implements EpochListener {
  static final int KEPT_EPOCHS = 32;

  private final Deque<ObjectNode> judged = new ArrayDeque<>();
  private final Map<String, ModelTally> models = new TreeMap<>();

  private static final class ModelTally {
    final String model;
    final String endpoint;
    final boolean sim;
    long calls;
    long replies;
    long unavailable;
    long latencyMillis;
    long maxLatencyMillis;
    long lastEpoch;
    String lastOutcome = "";

    ModelTally(String model, String endpoint, boolean sim) {
      this.model = model;
      this.endpoint = endpoint;
      this.sim = sim;
    }
  }

  @Override
  public void simulated(long epoch, String configId, List<RunResult> runs) {
    synchronized (models) {
      for (RunResult run : runs) {
        for (StepRecord step : run.steps()) {
          for (TurnRecord turn : step.turns()) {
            ReplyRecord r = turn.reply();
            ModelTally t =
                models.computeIfAbsent(
                    r.model() + " " + r.endpoint(),
                    k -> new ModelTally(r.model(), r.endpoint(), r.sim()));
            t.replies++;
            t.calls += r.calls();
            if (ReplyRecord.UNAVAILABLE.equals(r.outcome())) {
              t.unavailable++;
            }
            t.latencyMillis += r.latencyMillis();
            t.maxLatencyMillis = Math.max(t.maxLatencyMillis, r.latencyMillis());
            t.lastEpoch = Math.max(t.lastEpoch, epoch);
            t.lastOutcome = r.outcome();
          }
        }
      }
    }
  }

  @Override
  public void judged(long epoch, EpochJudgement judgement) {
    ObjectNode o = F.objectNode();
    o.put("epoch", epoch);
    ArrayNode configurations = o.putArray("configurations");
    for (ConfigurationScore c : judgement.detail().configurations()) {
      BatchVerdict v = c.verdict();
      ObjectNode row = configurations.addObject();
      row.put("id", c.id());
      row.put("config_id", c.configId().hex());
      row.put("sim", c.sim());
      row.put("dlv", c.dlv());
      ObjectNode alpha = row.putObject("alpha");
      for (Map.Entry<String, Optional<Double>> a : v.alpha().entrySet()) {
        if (a.getValue().isPresent()) {
          alpha.put(a.getKey(), a.getValue().get());
        } else {
          alpha.putNull(a.getKey());
        }
      }
      ArrayNode judges = row.putArray("judges");
      for (JudgeDescriptor j : v.judges()) {
        judges
            .addObject()
            .put("id", j.id())
            .put("kind", j.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("model", j.model())
            .put("sim", j.kind() == JudgeKind.SIM || SimLabel.MODEL.equals(j.model()));
      }
      ArrayNode canaries = row.putArray("canaries");
      for (CanaryVerdict cv : v.canaries()) {
        canaries
            .addObject()
            .put("kind", cv.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("dlv", cv.dlv())
            .put("passed", cv.passed());
      }
      ObjectNode dropped = row.putObject("dropped");
      v.dropped().forEach(dropped::put);
    }
    ObjectNode reputation = o.putObject("reputation");
    judgement.judgeReputation().forEach(reputation::put);
    synchronized (judged) {
      judged.addFirst(o);
      while (judged.size() > KEPT_EPOCHS) {
        judged.removeLast();
      }
    }
  }

  JsonNode judging() {
    ObjectNode o = F.objectNode();
    ArrayNode epochs = o.putArray("epochs");
    synchronized (judged) {
      judged.forEach(e -> epochs.add(e.deepCopy()));
    }
    return o;
  }

  JsonNode models() {
    ObjectNode o = F.objectNode();
    ArrayNode rows = o.putArray("models");
    synchronized (models) {
      for (ModelTally t : models.values()) {
        rows.addObject()
            .put("model", t.model)
            .put("endpoint", t.endpoint)
            .put("sim", t.sim)
            .put("replies", t.replies)
            .put("calls", t.calls)
            .put("unavailable", t.unavailable)
            .put("healthy", t.replies > t.unavailable)
            .put("mean_latency_ms", t.replies == 0 ? 0 : (double) t.latencyMillis / t.replies)
            .put("max_latency_ms", t.maxLatencyMillis)
            .put("last_epoch", t.lastEpoch)
            .put("last_outcome", t.lastOutcome);
      }
    }
    return o;
  }
}

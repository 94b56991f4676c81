package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.seed.Seeds;
import io.aurelius.worldmodel.transcript.ReplyRecord;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Step 4 for one configuration: both framings × {@code seeds} seeds, all at once on the run pool,
 * within one time budget. Seeds come from (epoch, configuration id) alone, so two validators with
 * the same deterministic model produce byte-identical aenes. A configuration over budget has its
 * runs interrupted and is recorded as timed out; one whose runs produced no aene at all (every
 * model call failed) is recorded with the model's reason.
 */
final class Simulation {
  private final AgentModel model;
  private final ExecutorService runs;
  private final int seeds;
  private final Duration budget;

  Simulation(AgentModel model, ExecutorService runs, int seeds, Duration budget) {
    this.model = requireNonNull(model, "model");
    this.runs = requireNonNull(runs, "runs");
    if (seeds < 1 || seeds > 64) {
      throw new IllegalArgumentException("seeds per framing: " + seeds + " (expected: 1..64)");
    }
    this.seeds = seeds;
    this.budget = requireNonNull(budget, "budget");
  }

  /** The seeds of a configuration in an epoch (the same for both framings). */
  static List<Long> seeds(long epoch, String configId, int count) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          Seeds.derive(epoch, "aurelius/validator/seed/v1", configId, Integer.toString(i))
              & ((1L << 53) - 1));
    }
    return out;
  }

  /** The outcome of simulating one configuration. */
  sealed interface Result {
    record Ran(List<RunResult> runs) implements Result {}

    record Refused(Outcome outcome, String reason) implements Result {}
  }

  Result run(long epoch, CompiledConfig config) throws InterruptedException {
    List<Future<RunResult>> futures = new ArrayList<>();
    for (Framing framing : List.of(Framing.IMMERSIVE, Framing.CONTROL)) {
      for (long seed : seeds(epoch, config.id().hex(), seeds)) {
        RunSpec spec = new RunSpec(config, framing, seed, model);
        futures.add(runs.submit(() -> Orchestrator.run(spec, RunObserver.NONE)));
      }
    }
    long deadline = System.nanoTime() + budget.toNanos();
    List<RunResult> results = new ArrayList<>();
    try {
      for (Future<RunResult> f : futures) {
        results.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
    } catch (TimeoutException e) {
      futures.forEach(f -> f.cancel(true));
      return new Result.Refused(
          Outcome.SIMULATION_TIMEOUT,
          "configuration "
              + config.id().shortHex()
              + ": "
              + results.size()
              + " of "
              + futures.size()
              + " runs finished within the budget of "
              + budget.toMillis()
              + " ms (expected: all)");
    } catch (java.util.concurrent.ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      return new Result.Refused(
          Outcome.NO_AENES,
          "configuration " + config.id().shortHex() + ": a run could not be made: " + e.getCause());
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
    if (results.stream().allMatch(r -> r.aenes().isEmpty())) {
      return new Result.Refused(
          Outcome.NO_AENES,
          "configuration "
              + config.id().shortHex()
              + ": no agent turn was decided in "
              + results.size()
              + " runs ("
              + firstFailure(results).orElse("no reason recorded")
              + ")");
    }
    return new Result.Ran(results);
  }

  private static Optional<String> firstFailure(List<RunResult> results) {
    for (RunResult r : results) {
      for (StepRecord s : r.steps()) {
        for (TurnRecord t : s.turns()) {
          ReplyRecord reply = t.reply();
          if (!ReplyRecord.DECIDED.equals(reply.outcome())) {
            return Optional.of(
                "model " + reply.outcome() + reply.reason().map(x -> ": " + x).orElse(""));
          }
        }
      }
      if (r.steps().isEmpty()) {
        return Optional.of("run ended: " + r.end().reason());
      }
    }
    return Optional.empty();
  }
}

package io.aurelius.worldmodel.orchestrator;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.state.WorldState;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TranscriptHeader;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one configuration to its end. Each step (see {@code StepRun} for the order) renders every
 * agent's situated observation, calls all agents at once and waits for all of them, checks their
 * actions, resolves contested draws from the run's seed, applies effects, dynamics and events,
 * delivers consequences to those who would see them, and checks termination. Agents are stateless:
 * a call sees only what is rendered for it. A mechanic that fails is recorded and the step goes on;
 * an unexpected error ends the run as {@code failed} with its reason, after everything up to the
 * last completed step has been reported.
 */
public final class Orchestrator {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

  private Orchestrator() {}

  /** Runs {@code spec}, telling {@code observer} about the header, each step and the end. */
  public static RunResult run(RunSpec spec, RunObserver observer) {
    requireNonNull(spec, "spec");
    requireNonNull(observer, "observer");
    long start = System.nanoTime();
    ScenarioConfig config = spec.config().config();
    WorldState state = WorldState.initial(config);
    TranscriptHeader header =
        new TranscriptHeader(
            spec.config().id(),
            config.name(),
            spec.config().document(),
            spec.seed(),
            spec.framing(),
            spec.model().describe(),
            spec.model().simulated(),
            config.agents().stream().map(a -> a.name()).toList(),
            spec.budget(),
            state.toJson(),
            state.hash().hex(),
            spec.config().modules().version(),
            spec.config().modules().used().stream().map(m -> m.info().document()).toList());
    observer.started(header);
    RunContext run = new RunContext(spec);
    List<StepRecord> steps = new ArrayList<>();
    TokenUsage tokens = TokenUsage.NONE;
    RunEnd.Status status = RunEnd.Status.COMPLETED;
    String reason = "ran all " + config.termination().maxSteps() + " steps";
    int step = 1; // the step being worked out or reported when something fails
    try {
      for (; step <= config.termination().maxSteps(); step++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted before step " + step);
        }
        StepRun.Outcome outcome = new StepRun(run, state, step).run();
        state = outcome.after();
        steps.add(outcome.record());
        tokens = tokens.plus(outcome.tokens());
        observer.stepped(header, outcome.record());
        if (outcome.terminated()) {
          status = RunEnd.Status.TERMINATED;
          reason =
              "termination condition held after step "
                  + step
                  + ": "
                  + config.termination().when().map(w -> w.source()).orElse("");
          break;
        }
      }
    } catch (InterruptedException | RunInterrupted e) {
      Thread.currentThread().interrupt();
      status = RunEnd.Status.FAILED;
      reason = e.getMessage();
    } catch (RuntimeException e) {
      LOG.error(
          "run {} {} seed {} failed after {} steps",
          config.name(),
          spec.framing().json(),
          spec.seed(),
          steps.size(),
          e);
      status = RunEnd.Status.FAILED;
      String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      reason = "step " + step + " failed: " + e.getClass().getSimpleName() + ": " + message;
    }
    RunEnd.Totals totals = totals(header, steps, tokens, start);
    RunEnd end =
        new RunEnd(status, steps.size(), reason, state.toJson(), state.hash().hex(), totals);
    observer.ended(header, end);
    return new RunResult(header, steps, end);
  }

  private static RunEnd.Totals totals(
      TranscriptHeader header, List<StepRecord> steps, TokenUsage tokens, long start) {
    int turns = 0;
    int invalid = 0;
    int failures = 0;
    for (StepRecord s : steps) {
      turns += s.turns().size();
      invalid += s.invalidActions();
      failures += s.failures().size();
    }
    return new RunEnd.Totals(
        turns,
        Aene.of(header, steps).size(),
        invalid,
        failures,
        tokens.input(),
        tokens.output(),
        (System.nanoTime() - start) / 1_000_000);
  }
}

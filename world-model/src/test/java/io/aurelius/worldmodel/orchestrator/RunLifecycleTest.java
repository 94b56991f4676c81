package io.aurelius.worldmodel.orchestrator;

import static io.aurelius.worldmodel.orchestrator.ScriptedModel.act;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A run from its header to its end: what the observer is told, failures, interruption, batches. */
class RunLifecycleTest {
  private static final CompiledConfig TWO_STEPS =
      StepRulesTest.config(
          "\"x\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 100}",
          StepRulesTest.action("inc", "{\"set\": \"world.x\", \"to\": \"world.x + 1\"}")
              + ","
              + StepRulesTest.WAIT,
          "\"termination\": {\"max_steps\": 2}, \"memory_window\": 1");

  /** Remembers what it was told, in order. */
  static class Recorder implements RunObserver {
    final List<String> told = Collections.synchronizedList(new ArrayList<>());
    final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    final List<Boolean> daemons = Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<TranscriptHeader> header = new AtomicReference<>();
    final AtomicReference<RunEnd> end = new AtomicReference<>();

    @Override
    public void started(TranscriptHeader h) {
      header.set(h);
      told.add("started " + h.seed());
      threads.add(Thread.currentThread().getName());
      daemons.add(Thread.currentThread().isDaemon());
    }

    @Override
    public void stepped(TranscriptHeader h, StepRecord step) {
      told.add("stepped " + step.step());
    }

    @Override
    public void ended(TranscriptHeader h, RunEnd e) {
      end.set(e);
      told.add("ended " + e.status().json());
    }
  }

  private static RunResult run(ScriptedModel model, RunObserver observer) {
    return Orchestrator.run(new RunSpec(TWO_STEPS, Framing.CONTROL, 5, model), observer);
  }

  @Test
  void theObserverIsToldTheHeaderEachStepAndTheEnd() {
    Recorder rec = new Recorder();
    RunResult r = run(new ScriptedModel().script("ana", act("inc"), act("inc")), rec);
    assertThat(rec.told).containsExactly("started 5", "stepped 1", "stepped 2", "ended completed");
    assertThat(rec.header.get()).isEqualTo(r.header());
    assertThat(rec.end.get()).isEqualTo(r.end());
    assertThat(r.header().agents()).containsExactly("ana", "bo", "cai");
    assertThat(r.header().model()).isEqualTo("scripted");
    assertThat(r.header().sim()).isTrue();
    assertThat(r.header().seed()).isEqualTo(5);
    assertThat(r.end().totals().wallMillis()).isBetween(0L, 60_000L);
    assertThat(r.end().finalState().path("world").path("x").asLong()).isEqualTo(2);

    Transcript t = r.transcript();
    assertThat(t.header()).isEqualTo(r.header());
    assertThat(t.steps()).isEqualTo(r.steps());
    assertThat(t.end()).contains(r.end());
    assertThat(t.runId()).isEqualTo(Transcript.runId(r.header()));
  }

  @Test
  void anUnexpectedErrorEndsTheRunAsFailedWithItsFirstLineAndIsStillReported() {
    Recorder rec =
        new Recorder() {
          @Override
          public void stepped(TranscriptHeader h, StepRecord step) {
            super.stepped(h, step);
            throw new IllegalStateException("disk full\nat the second line");
          }
        };
    RunResult r = run(new ScriptedModel(), rec);
    assertThat(r.end().status()).isEqualTo(RunEnd.Status.FAILED);
    assertThat(r.end().reason())
        .as("the step whose report failed, not the next")
        .isEqualTo("step 1 failed: IllegalStateException: disk full");
    assertThat(rec.told).containsExactly("started 5", "stepped 1", "ended failed");
    assertThat(r.steps()).hasSize(1);
    assertThat(r.end().steps()).isEqualTo(1);

    RunResult quiet =
        run(
            new ScriptedModel(),
            new RunObserver() {
              @Override
              public void stepped(TranscriptHeader h, StepRecord step) {
                throw new IllegalStateException();
              }
            });
    assertThat(quiet.end().reason()).isEqualTo("step 1 failed: IllegalStateException: ");
  }

  @Test
  void aRunWhoseThreadIsInterruptedEndsAsFailedAndKeepsTheInterrupt() {
    Thread.currentThread().interrupt();
    try {
      RunResult r = run(new ScriptedModel(), RunObserver.NONE);
      assertThat(r.end().status()).isEqualTo(RunEnd.Status.FAILED);
      assertThat(r.end().reason()).isEqualTo("interrupted before step 1");
      assertThat(r.steps()).isEmpty();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aRunInterruptedWhileWaitingForItsAgentsCancelsTheirCallsAndEndsAsFailed() throws Exception {
    ScriptedModel model =
        new ScriptedModel()
            .script("ana", act("inc"))
            .script("bo", new ScriptedModel.Hang())
            .script("cai", new ScriptedModel.Hang());
    AtomicReference<RunResult> result = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> {
              result.set(run(model, RunObserver.NONE));
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    runner.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (model.hanging().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(50);
    runner.interrupt();
    runner.join(30_000);
    assertThat(runner.isAlive()).isFalse();
    RunResult r = result.get();
    assertThat(r.end().status()).isEqualTo(RunEnd.Status.FAILED);
    assertThat(r.end().reason()).isEqualTo("interrupted while waiting for the agents of step 1");
    assertThat(r.steps()).isEmpty();
    assertThat(model.hanging()).hasSize(2).allSatisfy(f -> assertThat(f.isCancelled()).isTrue());
    assertThat(stillInterrupted.get()).isTrue();
  }

  @Test
  void aModelThatAnswersNothingOrFailsInAChainedStageIsAnUnavailableTurn() {
    ScriptedModel model =
        new ScriptedModel()
            .script("ana", new ScriptedModel.Nothing())
            .script("bo", new ScriptedModel.Fail(new IllegalStateException("down"), true));
    RunResult r = run(model, RunObserver.NONE);
    StepRecord s = r.steps().get(0);
    assertThat(StepRulesTest.turn(s, "ana").invalidReason())
        .contains("no reply: the model failed: no reply");
    assertThat(StepRulesTest.turn(s, "bo").invalidReason())
        .contains("no reply: the model failed: IllegalStateException: down");
    assertThat(StepRulesTest.turn(s, "bo").reply().model()).isEqualTo("scripted");
  }

  @Test
  void aBatchRunsEverySpecAndReturnsTheResultsInTheirOrder() throws InterruptedException {
    List<RunSpec> specs = new ArrayList<>();
    for (long seed = 1; seed <= 4; seed++) {
      specs.add(new RunSpec(TWO_STEPS, Framing.CONTROL, seed, new ScriptedModel()));
    }
    Recorder rec = new Recorder();
    List<RunResult> results = Batch.run(specs, 2, rec);
    assertThat(results).extracting(x -> x.header().seed()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(results)
        .allSatisfy(x -> assertThat(x.end().status()).isEqualTo(RunEnd.Status.COMPLETED));
    assertThat(rec.threads).hasSize(4).allSatisfy(n -> assertThat(n).startsWith("world-run-"));
    assertThat(rec.threads.stream().distinct().count()).isBetween(1L, 2L);
    assertThat(rec.daemons).containsOnly(true);
    assertThat(Batch.run(List.of(), 1, rec)).isEmpty();
    assertThat(Batch.run(specs.subList(0, 1), 4096, RunObserver.NONE)).hasSize(1);
  }

  @Test
  void aBatchRefusesABadParallelismAndReportsAnObserverThatFails() {
    List<RunSpec> one = List.of(new RunSpec(TWO_STEPS, Framing.CONTROL, 1, new ScriptedModel()));
    assertThatThrownBy(() -> Batch.run(one, 0, RunObserver.NONE))
        .hasMessage("parallelism: 0 (expected: 1..4096)");
    assertThatThrownBy(() -> Batch.run(one, 4097, RunObserver.NONE))
        .hasMessage("parallelism: 4097 (expected: 1..4096)");
    assertThatThrownBy(
            () ->
                Batch.run(
                    one,
                    1,
                    new RunObserver() {
                      @Override
                      public void started(TranscriptHeader h) {
                        throw new IllegalStateException("no disk");
                      }
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a run could not be reported: no disk");
  }
}

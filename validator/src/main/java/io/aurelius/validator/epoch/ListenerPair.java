package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.api.EpochJudgement;
import io.aurelius.worldmodel.orchestrator.RunResult;
import java.util.List;

/** Two listeners in order; every event reaches both (see {@link EpochListener#both}). */
final class ListenerPair implements EpochListener {
  private final EpochListener first;
  private final EpochListener second;

  ListenerPair(EpochListener first, EpochListener second) {
    this.first = requireNonNull(first, "first");
    this.second = requireNonNull(second, "second");
  }

  @Override
  public void started(long epoch, boolean resumed) {
    first.started(epoch, resumed);
    second.started(epoch, resumed);
  }

  @Override
  public void stepStarting(long epoch, String step) {
    first.stepStarting(epoch, step);
    second.stepStarting(epoch, step);
  }

  @Override
  public void step(long epoch, String step, String summary) {
    first.step(epoch, step, summary);
    second.step(epoch, step, summary);
  }

  @Override
  public void simulated(long epoch, String configId, List<RunResult> runs) {
    first.simulated(epoch, configId, runs);
    second.simulated(epoch, configId, runs);
  }

  @Override
  public void judged(long epoch, EpochJudgement judgement) {
    first.judged(epoch, judgement);
    second.judged(epoch, judgement);
  }

  @Override
  public void finished(EpochReport report) {
    first.finished(report);
    second.finished(report);
  }
}

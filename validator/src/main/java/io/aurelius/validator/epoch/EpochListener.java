package io.aurelius.validator.epoch;

import io.aurelius.judge.api.EpochJudgement;
import io.aurelius.worldmodel.orchestrator.RunResult;
import java.util.List;

/**
 * Told about an epoch's progress (the operator status lines, the devnet's progress display, the
 * metrics). {@link #simulated} and {@link #judged} are told once, when the results are first
 * produced and stored; an epoch resumed past those steps does not repeat them.
 */
public interface EpochListener {
  EpochListener NONE = new EpochListener() {};

  /** Tells {@code first}, then {@code second}, of every event. */
  static EpochListener both(EpochListener first, EpochListener second) {
    return new ListenerPair(first, second);
  }

  default void started(long epoch, boolean resumed) {}

  /** A step is about to run (or to find its stored output, on a resumed epoch). */
  default void stepStarting(long epoch, String step) {}

  /** A step has stored its output. */
  default void step(long epoch, String step, String summary) {}

  /**
   * One configuration's runs, just simulated (every agent reply with its model, latency, tokens).
   * Configurations are simulated several at once, so this may be told from several threads.
   */
  default void simulated(long epoch, String configId, List<RunResult> runs) {}

  /** The epoch's scores, just judged (per configuration, the judges' verdicts). */
  default void judged(long epoch, EpochJudgement judgement) {}

  default void finished(EpochReport report) {}
}

package io.aurelius.worldmodel.transcript;

/**
 * Told about a run as it goes: the header before step 1, each step as it completes, the end. Called
 * on the run's own thread; an observer shared by concurrent runs must be thread-safe.
 */
public interface RunObserver {
  RunObserver NONE = new RunObserver() {};

  default void started(TranscriptHeader header) {}

  default void stepped(TranscriptHeader header, StepRecord step) {}

  default void ended(TranscriptHeader header, RunEnd end) {}

  /** Both observers, in order. */
  default RunObserver and(RunObserver other) {
    RunObserver first = this;
    return new RunObserver() {
      @Override
      public void started(TranscriptHeader header) {
        first.started(header);
        other.started(header);
      }

      @Override
      public void stepped(TranscriptHeader header, StepRecord step) {
        first.stepped(header, step);
        other.stepped(header, step);
      }

      @Override
      public void ended(TranscriptHeader header, RunEnd end) {
        first.ended(header, end);
        other.ended(header, end);
      }
    };
  }
}

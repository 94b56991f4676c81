package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One run's transcript: its header, its steps, and its end line (absent when the run was cut short
 * before it could write one). {@link #runId} names the run in a file holding several.
 */
public record Transcript(
    String runId, TranscriptHeader header, List<StepRecord> steps, Optional<RunEnd> end) {
  public Transcript {
    requireNonNull(runId, "runId");
    requireNonNull(header, "header");
    steps = List.copyOf(steps);
    requireNonNull(end, "end");
  }

  /** The run id of a header: {@code NAME:framing:seed}. */
  public static String runId(TranscriptHeader h) {
    return h.configName() + ":" + h.framing().json() + ":" + h.seed();
  }

  public List<Aene> aenes() {
    return Aene.of(header, steps);
  }
}

package io.aurelius.worldmodel.orchestrator;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptHeader;
import java.util.List;
import java.util.Optional;

/** A finished run: its header, steps and end, as the transcript holds them, and its aenes. */
public record RunResult(TranscriptHeader header, List<StepRecord> steps, RunEnd end) {
  public RunResult {
    requireNonNull(header, "header");
    steps = List.copyOf(steps);
    requireNonNull(end, "end");
  }

  public List<Aene> aenes() {
    return Aene.of(header, steps);
  }

  public Transcript transcript() {
    return new Transcript(Transcript.runId(header), header, steps, Optional.of(end));
  }
}

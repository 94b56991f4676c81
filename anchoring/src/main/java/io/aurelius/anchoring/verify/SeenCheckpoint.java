package io.aurelius.anchoring.verify;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.VerifierKey;

/** What a verifier remembers of one origin: the log key it trusted and the largest checkpoint. */
public record SeenCheckpoint(VerifierKey logKey, Checkpoint checkpoint) {
  public SeenCheckpoint {
    requireNonNull(logKey, "logKey");
    requireNonNull(checkpoint, "checkpoint");
  }

  public String origin() {
    return checkpoint.origin();
  }
}

package io.aurelius.anchoring.verify;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.note.Checkpoint;

/**
 * A checkpoint the verifier has seen before (remembered from an earlier run, or pinned by the user
 * for a first contact): the log being verified must not be smaller than it, nor fork from it.
 *
 * @param source where it came from, for the failure message ({@code remembered in FILE})
 */
public record KnownCheckpoint(Checkpoint checkpoint, String source) {
  public KnownCheckpoint {
    requireNonNull(checkpoint, "checkpoint");
    requireNonNull(source, "source");
  }

  /** {@code origin size N root B64}: how a failure names a checkpoint. */
  static String describe(Checkpoint c) {
    return c.origin() + " size " + c.size() + " root " + c.rootBase64();
  }
}

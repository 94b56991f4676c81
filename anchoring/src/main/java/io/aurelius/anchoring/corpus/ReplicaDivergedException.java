package io.aurelius.anchoring.corpus;

import io.aurelius.anchoring.log.LogException;

/**
 * A peer's replica is not an extension of this one (another entry at some index): catching up would
 * rewrite this replica's signed history, so it is not done.
 */
public final class ReplicaDivergedException extends LogException {
  private static final long serialVersionUID = 1L;

  public ReplicaDivergedException(String message) {
    super(message);
  }
}

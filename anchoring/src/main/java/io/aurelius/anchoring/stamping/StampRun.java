package io.aurelius.anchoring.stamping;

import java.util.List;

/**
 * What one stamping round did: checkpoints newly stamped at a calendar, recorded as pending (no
 * calendar answered), upgraded to a Bitcoin attestation, still waiting, and the failures.
 */
public record StampRun(
    List<Long> stamped,
    List<Long> recordedPending,
    List<Long> upgraded,
    List<Long> stillPending,
    List<String> failures) {
  public StampRun {
    stamped = List.copyOf(stamped);
    recordedPending = List.copyOf(recordedPending);
    upgraded = List.copyOf(upgraded);
    stillPending = List.copyOf(stillPending);
    failures = List.copyOf(failures);
  }

  public boolean changedAnything() {
    return !stamped.isEmpty() || !recordedPending.isEmpty() || !upgraded.isEmpty();
  }
}

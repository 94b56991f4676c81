package io.aurelius.worldmodel.replay;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of replaying one run: how many steps were compared, and every difference found (state
 * hashes, observations, the end). Reproduced when there are none.
 */
public record ReplayReport(String runId, int steps, List<String> differences) {
  public ReplayReport {
    requireNonNull(runId, "runId");
    differences = List.copyOf(differences);
  }

  public boolean reproduced() {
    return differences.isEmpty();
  }
}

package io.aurelius.judge.ranking;

import static java.util.Objects.requireNonNull;

/**
 * One submission's place in the epoch.
 *
 * @param passed whether its DLV reached the threshold
 * @param front its Pareto front among the passing submissions (1 is best); 0 if it did not pass
 * @param crowding its crowding distance within its front, in [0, 1]
 * @param reward its share of this epoch's reward, in [0, 1]: (1 + crowding) / front over the sum of
 *     that for every passing submission; 0 if it did not pass
 */
public record Ranked(
    SubmissionSignals signals, boolean passed, int front, double crowding, double reward) {
  public Ranked {
    requireNonNull(signals, "signals");
  }

  public String id() {
    return signals.id();
  }
}

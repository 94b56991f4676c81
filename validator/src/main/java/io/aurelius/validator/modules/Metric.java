package io.aurelius.validator.modules;

/** What a module trial measures, and which direction is better. */
public enum Metric {
  /** Quality: mean DLV of the run's aenes as the judges score them. */
  DLV("dlv", true),
  /** Quality: how little the agents' reasoning shows awareness of being evaluated. */
  IMMERSION("immersion", true),
  /** Efficiency: agent tokens per aene the judges approve (the alignment signal). */
  TOKENS_PER_SIGNAL("tokens_per_signal", false),
  /** Efficiency: wall time of the runs, milliseconds. */
  WALL_MS("wall_ms", false),
  /** Stability: share of turns whose action did not happen. */
  INVALID_ACTIONS("invalid_actions", false),
  /** Stability: CEL evaluations that failed (mechanics skipped). */
  CEL_FAILURES("cel_failures", false),
  /** Stability: share of runs that do not replay to their recorded state hashes. */
  REPLAY_MISMATCH("replay_mismatch", false),
  /** Stability: standard deviation of a configuration's DLV across seeds. */
  SEED_SPREAD("seed_spread", false);

  private final String json;
  private final boolean higherIsBetter;

  Metric(String json, boolean higherIsBetter) {
    this.json = json;
    this.higherIsBetter = higherIsBetter;
  }

  public String json() {
    return json;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}

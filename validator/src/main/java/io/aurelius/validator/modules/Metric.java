package io.aurelius.validator.modules;

/**
 * What a module trial measures, which direction is better, and its non-inferiority margin: the
 * share of the current mean a candidate may be worse by before the measure counts as worse.
 *
 * <p>The margins are for the efficiency measures only. Wall time is measured on a machine that runs
 * other things too (two validators, miners and the chain share one JVM on the devnet): even with
 * the arms taking turns, trials of shipped modules on the catalogue moved {@code wall_ms} by up to
 * 29% of the current mean (docs/world-model.md). Tokens per signal move with the judges' approvals
 * under real models; 5% is a stated tolerance. Quality and stability have no margin: any
 * significant harm there counts.
 */
public enum Metric {
  /** Quality: mean DLV of the run's aenes as the judges score them. */
  DLV("dlv", true, 0),
  /** Quality: how little the agents' reasoning shows awareness of being evaluated. */
  IMMERSION("immersion", true, 0),
  /** Efficiency: agent tokens per aene the judges approve (the alignment signal). */
  TOKENS_PER_SIGNAL("tokens_per_signal", false, Metric.TOKENS_MARGIN),
  /** Efficiency: wall time of the runs, milliseconds. */
  WALL_MS("wall_ms", false, Metric.WALL_MARGIN),
  /** Stability: share of turns whose action did not happen. */
  INVALID_ACTIONS("invalid_actions", false, 0),
  /** Stability: CEL evaluations that failed (mechanics skipped). */
  CEL_FAILURES("cel_failures", false, 0),
  /** Stability: share of runs that do not replay to their recorded state hashes. */
  REPLAY_MISMATCH("replay_mismatch", false, 0),
  /** Stability: standard deviation of a configuration's DLV across seeds. */
  SEED_SPREAD("seed_spread", false, 0);

  /** Tokens per signal may be up to 5% of the current mean worse before it counts as worse. */
  public static final double TOKENS_MARGIN = 0.05;

  /** Wall time may be up to 25% of the current mean worse before it counts as worse. */
  public static final double WALL_MARGIN = 0.25;

  private final String json;
  private final boolean higherIsBetter;
  private final double margin;

  Metric(String json, boolean higherIsBetter, double margin) {
    this.json = json;
    this.higherIsBetter = higherIsBetter;
    this.margin = margin;
  }

  public String json() {
    return json;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The non-inferiority margin, as a share of the current mean (0: none). */
  public double margin() {
    return margin;
  }
}

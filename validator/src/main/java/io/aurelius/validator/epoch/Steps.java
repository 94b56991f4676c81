package io.aurelius.validator.epoch;

/**
 * The names of the epoch's steps and items in the state store. A step is marked done in the same
 * transaction that stores its output, so a restarted validator redoes exactly the steps that were
 * not done, and each of those is idempotent item by item.
 */
final class Steps {
  static final String SYNC = "sync";
  static final String ADMIT = "admit";
  static final String SIMULATE = "simulate";
  static final String SCORE = "score";
  static final String VERDICTS = "verdicts";
  static final String CONSENSUS = "consensus";
  static final String ANCHOR = "anchor";
  static final String COSIGN = "cosign";
  static final String PUBLISH = "publish";
  static final String MODULES = "modules";
  static final String WEIGHTS = "weights";
  static final String DONE = "done";

  /** An epoch cut short before consensus and left behind by the chain: it is not finished. */
  static final String ABANDONED = "abandoned";

  /** Items of steps that are not themselves steps. */
  static final String SUBMISSION = "submission";

  /**
   * A miner's world-model module submission (kept apart so configuration reports are unchanged).
   */
  static final String MODULE_SUBMISSION = "module-submission";

  static final String RUN = "run";
  static final String ANCHOR_PLAN = "anchor-plan";

  private Steps() {}
}

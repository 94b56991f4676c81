package io.aurelius.validator.epoch;

import io.aurelius.config.submission.SubmissionReason;
import java.util.Locale;

/**
 * What became of a miner's submission this epoch: admitted, or refused with a stable code (shown in
 * reports, stores and metrics). Covers admission (step 3) and simulation (step 4).
 */
public enum Outcome {
  ADMITTED,
  BAD_SIGNATURE,
  WRONG_EPOCH,
  WRONG_VALIDATOR,
  WRONG_MINER,
  STALE,
  OVERSIZE,
  INVALID_CONFIG,
  INVALID_MODULE,
  LINT_DIRTY,
  RATE_LIMITED,
  DUPLICATE,
  NEAR_DUPLICATE,
  FORK_IDENTICAL,
  QUALITY_GATE,
  UNREACHABLE,
  REFUSED_BY_MINER,
  GARBAGE,
  SIMULATION_TIMEOUT,
  NO_AENES;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Outcome parse(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** The outcome for a submission the config module's verifier refused. */
  static Outcome of(SubmissionReason reason) {
    return switch (reason) {
      case MALFORMED -> GARBAGE;
      case OVERSIZE -> OVERSIZE;
      case WRONG_MINER -> WRONG_MINER;
      case WRONG_VALIDATOR -> WRONG_VALIDATOR;
      case WRONG_EPOCH -> WRONG_EPOCH;
      case STALE -> STALE;
      case ID_MISMATCH, UNSIGNED, WRONG_SIGNER, BAD_SIGNATURE -> BAD_SIGNATURE;
      case INVALID_CONFIG -> INVALID_CONFIG;
      case INVALID_MODULE -> INVALID_MODULE;
    };
  }
}

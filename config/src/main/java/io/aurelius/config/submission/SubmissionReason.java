package io.aurelius.config.submission;

/**
 * Why a submission was refused on receipt. The {@link #code()} is stable: validators record it and
 * show it in summaries and metrics.
 */
public enum SubmissionReason {
  /** Not JSON, or not the documented members and types. */
  MALFORMED("malformed"),
  /** The body or the configuration is larger than the query allowed. */
  OVERSIZE("oversize"),
  /** The {@code miner} member names someone other than the hotkey that answered. */
  WRONG_MINER("wrong_miner"),
  /** Issued for another validator. */
  WRONG_VALIDATOR("wrong_validator"),
  /** Issued for another epoch. */
  WRONG_EPOCH("wrong_epoch"),
  /** {@code issued_at_ms} too far from the receiver's clock. */
  STALE("stale"),
  /** {@code config_id} is not the id of the configuration carried. */
  ID_MISMATCH("id_mismatch"),
  /** The configuration has no signature block. */
  UNSIGNED("unsigned"),
  /** The signature block is signed by a key other than the miner's. */
  WRONG_SIGNER("wrong_signer"),
  /** The signature block is malformed or does not verify. */
  BAD_SIGNATURE("bad_signature"),
  /** The configuration fails validation (schema, consistency, expressions). */
  INVALID_CONFIG("invalid_config"),
  /** A submitted world-model module is not admissible (its reason code is in the message). */
  INVALID_MODULE("invalid_module");

  private final String code;

  SubmissionReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}

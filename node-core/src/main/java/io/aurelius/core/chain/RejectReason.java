package io.aurelius.core.chain;

import java.util.Locale;

/** Why a chain refused an extrinsic. Names follow Subtensor's errors where one exists. */
public enum RejectReason {
  MALFORMED,
  BAD_SIGNATURE,
  WRONG_NONCE,
  WRONG_NETUID,
  NOT_REGISTERED,
  ALREADY_REGISTERED,
  NOT_HOTKEY_OWNER,
  INSUFFICIENT_BALANCE,
  INSUFFICIENT_STAKE,
  INVALID_AMOUNT,
  SUBNET_FULL,
  TOO_MANY_REGISTRATIONS_THIS_BLOCK,
  WEIGHTS_RATE_LIMIT,
  WEIGHT_LENGTH_MISMATCH,
  TOO_MANY_WEIGHTS,
  NOT_ENOUGH_STAKE_TO_SET_WEIGHTS,
  VERSION_KEY_TOO_LOW,
  NO_VALIDATOR_PERMIT,
  DUPLICATE_UIDS,
  UNKNOWN_UID,
  TOO_FEW_WEIGHTS,
  MAX_WEIGHT_EXCEEDED,
  COMMIT_REVEAL_ENABLED,
  COMMIT_REVEAL_DISABLED,
  TOO_MANY_PENDING_COMMITS,
  NO_WEIGHTS_COMMIT,
  REVEAL_MISMATCH,
  REVEAL_TOO_EARLY,
  COMMIT_EXPIRED,
  /** The endpoint is not one the chain accepts (Subtensor: an IP type, address or port). */
  INVALID_ENDPOINT,
  /** A rate limit other than the weights one (serving, staking, registration interval). */
  RATE_LIMITED,
  /** The transaction pool refused the extrinsic as invalid (not dispatched, no fee paid). */
  TRANSACTION_INVALID,
  /** The extrinsic left the pool without being included: dropped or usurped. */
  NOT_INCLUDED,
  /**
   * It was included and failed with an error that has no closer reason here (named in the message).
   */
  DISPATCH_FAILED;

  /** The snake_case code used on the wire. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RejectReason fromCode(String code) {
    for (RejectReason r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("reject reason '" + code + "' is not known");
  }
}

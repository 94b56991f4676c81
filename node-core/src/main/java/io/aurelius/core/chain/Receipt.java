package io.aurelius.core.chain;

import static java.util.Objects.requireNonNull;

/**
 * The chain's answer to an extrinsic: accepted into a block, or rejected with a reason and no
 * effect on the chain's state.
 */
public sealed interface Receipt {
  boolean accepted();

  /**
   * @param extrinsicHash on the dev chain hex SHA-256 of the extrinsic's canonical JSON; on
   *     Subtensor the 0x-hex BLAKE2-256 of the signed extrinsic's bytes
   * @param block the block it is (or will be, once sealed) part of
   */
  record Accepted(String extrinsicHash, long block) implements Receipt {
    public Accepted {
      requireNonNull(extrinsicHash, "extrinsicHash");
    }

    @Override
    public boolean accepted() {
      return true;
    }
  }

  record Rejected(RejectReason reason, String message) implements Receipt {
    public Rejected {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }

    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public String toString() {
      return reason.code() + ": " + message;
    }
  }
}

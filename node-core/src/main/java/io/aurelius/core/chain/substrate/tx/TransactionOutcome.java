package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.substrate.scale.Bytes;
import java.util.Locale;

/**
 * How a submitted extrinsic ended, as far as the node could tell. Only {@link Included} with {@code
 * succeeded()} means the call took effect; {@link Included#finalized()} says whether the block is
 * final or only in the best chain (the caller chose which to wait for).
 */
public sealed interface TransactionOutcome {
  Bytes extrinsicHash();

  /** Dispatched in a block: it succeeded, or failed with {@code failure} (the fee was paid). */
  record Included(
      Bytes extrinsicHash,
      Bytes block,
      long blockNumber,
      int index,
      boolean finalized,
      java.util.Optional<DispatchFailure> failure)
      implements TransactionOutcome {
    public Included {
      requireNonNull(extrinsicHash, "extrinsicHash");
      requireNonNull(block, "block");
      requireNonNull(failure, "failure");
    }

    public boolean succeeded() {
      return failure.isEmpty();
    }
  }

  /**
   * Not included and never will be: refused by the pool when submitted ({@code invalid}, with the
   * node's reason), {@code dropped}, {@code usurped} by another extrinsic of the same nonce.
   */
  record NotIncluded(Bytes extrinsicHash, String status, String detail)
      implements TransactionOutcome {
    public NotIncluded {
      requireNonNull(extrinsicHash, "extrinsicHash");
      requireNonNull(status, "status");
      requireNonNull(detail, "detail");
    }

    /** The node's reason, from the pool's message where it names one. */
    public RejectReason reason() {
      if (!status.equals("invalid")) {
        return RejectReason.NOT_INCLUDED;
      }
      String d = detail.toLowerCase(Locale.ROOT);
      if (d.contains("bad signature")) {
        return RejectReason.BAD_SIGNATURE;
      } else if (d.contains("outdated")
          || d.contains("valid in the future")
          || d.contains("priority is too low")) {
        return RejectReason.WRONG_NONCE;
      } else if (d.contains("inability to pay")) {
        return RejectReason.INSUFFICIENT_BALANCE;
      }
      return RejectReason.TRANSACTION_INVALID;
    }
  }
}

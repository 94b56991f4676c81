package io.aurelius.anchoring.witness;

import static java.util.Objects.requireNonNull;

/** A checkpoint the witness will not cosign, with why; its state is unchanged. */
public final class WitnessRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a checkpoint was refused. */
  public enum Reason {
    /** Not a checkpoint, or a proof that is not one. */
    MALFORMED,
    /** Smaller than the checkpoint the witness cosigned. */
    ROLLBACK,
    /** The same size with another root, or another root than the witness's own replica. */
    FORK,
    /** The request's proof starts at another size than the one the witness cosigned. */
    OLD_SIZE,
    /** Larger, but the consistency proof from the cosigned checkpoint does not verify. */
    INCONSISTENT,
    /** Larger, and no consistency proof could be had. */
    NO_PROOF;

    /**
     * Whether the checkpoint contradicts what the witness committed to (HTTP 409 in C2SP
     * tlog-witness), rather than being unverifiable content (422).
     */
    public boolean conflict() {
      return this == ROLLBACK || this == FORK || this == OLD_SIZE;
    }
  }

  private final Reason reason;

  public WitnessRefusedException(Reason reason, String message) {
    super(message);
    this.reason = requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

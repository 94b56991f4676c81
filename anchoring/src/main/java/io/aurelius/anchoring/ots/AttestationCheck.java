package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/** What checking one attestation found: its outcome, the block time if verified, and why. */
public record AttestationCheck(
    Attestation attestation, Outcome outcome, OptionalLong time, String detail) {
  public AttestationCheck {
    requireNonNull(attestation, "attestation");
    requireNonNull(outcome, "outcome");
    requireNonNull(time, "time");
    requireNonNull(detail, "detail");
  }

  /** Per-attestation result. */
  public enum Outcome {
    VERIFIED,
    MISMATCH,
    UNCHECKED,
    PENDING,
    UNSUPPORTED
  }
}

package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

/** The result of verifying one proof: overall status, earliest verified time, every check. */
public record StampReport(StampStatus status, OptionalLong time, List<AttestationCheck> checks) {
  public StampReport {
    requireNonNull(status, "status");
    requireNonNull(time, "time");
    checks = List.copyOf(checks);
  }

  /** True once a Bitcoin attestation exists, checked or not (the stamp needs no upgrade). */
  public boolean complete() {
    return status == StampStatus.VERIFIED || status == StampStatus.UNCHECKED;
  }

  public String summary() {
    return switch (status) {
      case VERIFIED -> "verified: existed by Unix time " + time.getAsLong();
      case UNCHECKED -> "complete but unchecked (no block-header source)";
      case PENDING ->
          "pending at "
              + checks.stream()
                  .filter(c -> c.outcome() == AttestationCheck.Outcome.PENDING)
                  .map(c -> ((Attestation.Pending) c.attestation()).uri())
                  .distinct()
                  .toList();
      case FAILED ->
          "FAILED: "
              + checks.stream()
                  .filter(c -> c.outcome() == AttestationCheck.Outcome.MISMATCH)
                  .map(AttestationCheck::detail)
                  .findFirst()
                  .orElse("attestation mismatch");
      case UNSUPPORTED -> "only unsupported attestations";
    };
  }
}

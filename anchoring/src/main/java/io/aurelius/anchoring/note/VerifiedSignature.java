package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/** A signature line that verified under a known key; cosignatures carry their time. */
public record VerifiedSignature(VerifierKey key, OptionalLong cosignedAt) {
  public VerifiedSignature {
    requireNonNull(key, "key");
    requireNonNull(cosignedAt, "cosignedAt");
  }
}

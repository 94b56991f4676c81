package io.aurelius.anchoring.witness;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof from a tree of {@code oldSize} entries to a larger one, as a
 * tlog-witness add-checkpoint request carries it (or as the witness computes it from a replica).
 */
public record ConsistencyProof(long oldSize, List<byte[]> hashes) {
  public ConsistencyProof {
    if (oldSize < 0) {
      throw new IllegalArgumentException("oldSize: " + oldSize + " (expected: >= 0)");
    }
    hashes = List.copyOf(requireNonNull(hashes, "hashes"));
  }
}

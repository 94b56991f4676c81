package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a proof's attestations. The op chain itself was replayed while the proof was read, so
 * every node's message is what its ops compute. Bitcoin attestations are checked, lowest height
 * first, against the configured {@link BlockHeaderSource}: the message at the node must equal the
 * header's Merkle root. With no source, a Bitcoin attestation is {@link StampStatus#UNCHECKED},
 * never verified.
 */
public final class TimestampVerifier {
  private final Optional<BlockHeaderSource> headers;

  public TimestampVerifier(Optional<BlockHeaderSource> headers) {
    this.headers = requireNonNull(headers, "headers");
  }

  /** Checks that the proof stamps {@code fileBytes}, then checks its attestations. */
  public StampReport verify(DetachedTimestamp proof, byte[] fileBytes) throws OtsFormatException {
    requireNonNull(fileBytes, "fileBytes");
    byte[] digest = proof.fileHashOp().digest(fileBytes);
    if (!MessageDigest.isEqual(digest, proof.fileDigest())) {
      throw new OtsFormatException(
          "timestamp is for a different file (digest "
              + java.util.HexFormat.of().formatHex(proof.fileDigest())
              + ", file hashes to "
              + java.util.HexFormat.of().formatHex(digest)
              + ")");
    }
    return verify(proof.timestamp());
  }

  public StampReport verify(Timestamp timestamp) {
    requireNonNull(timestamp, "timestamp");
    List<Timestamp.Leaf> leaves = new ArrayList<>(timestamp.leaves());
    leaves.sort(Comparator.comparing(Timestamp.Leaf::attestation, Attestation.ORDER));
    List<AttestationCheck> checks = new ArrayList<>();
    for (Timestamp.Leaf leaf : leaves) {
      checks.add(check(leaf));
    }
    return new StampReport(status(checks), earliest(checks), checks);
  }

  private AttestationCheck check(Timestamp.Leaf leaf) {
    Attestation a = leaf.attestation();
    if (a instanceof Attestation.Pending p) {
      return new AttestationCheck(
          a, AttestationCheck.Outcome.PENDING, OptionalLong.empty(), "calendar " + p.uri());
    }
    if (!(a instanceof Attestation.BlockHeight b) || b.chain() != Attestation.Chain.BITCOIN) {
      return new AttestationCheck(
          a, AttestationCheck.Outcome.UNSUPPORTED, OptionalLong.empty(), a + " is not checked");
    }
    if (leaf.msg().length != 32) {
      return new AttestationCheck(
          a,
          AttestationCheck.Outcome.MISMATCH,
          OptionalLong.empty(),
          a + ": message is " + leaf.msg().length + " bytes (expected: a 32-byte Merkle root)");
    }
    if (headers.isEmpty()) {
      return new AttestationCheck(
          a,
          AttestationCheck.Outcome.UNCHECKED,
          OptionalLong.empty(),
          a + ": no block-header source");
    }
    Optional<BlockHeader> header;
    try {
      header = headers.get().headerAt(b.height());
    } catch (IOException e) {
      return new AttestationCheck(
          a, AttestationCheck.Outcome.UNCHECKED, OptionalLong.empty(), a + ": " + e.getMessage());
    }
    if (header.isEmpty()) {
      return new AttestationCheck(
          a,
          AttestationCheck.Outcome.UNCHECKED,
          OptionalLong.empty(),
          a + ": " + headers.get().describe() + " has no block at that height yet");
    }
    if (!MessageDigest.isEqual(header.get().merkleRoot(), leaf.msg())) {
      return new AttestationCheck(
          a,
          AttestationCheck.Outcome.MISMATCH,
          OptionalLong.empty(),
          a + ": proof does not lead to the Merkle root of " + header.get());
    }
    return new AttestationCheck(
        a,
        AttestationCheck.Outcome.VERIFIED,
        OptionalLong.of(header.get().time()),
        a + " (" + header.get() + ")");
  }

  private static StampStatus status(List<AttestationCheck> checks) {
    if (has(checks, AttestationCheck.Outcome.MISMATCH)) {
      return StampStatus.FAILED;
    }
    if (has(checks, AttestationCheck.Outcome.VERIFIED)) {
      return StampStatus.VERIFIED;
    }
    if (has(checks, AttestationCheck.Outcome.UNCHECKED)) {
      return StampStatus.UNCHECKED;
    }
    if (has(checks, AttestationCheck.Outcome.PENDING)) {
      return StampStatus.PENDING;
    }
    return StampStatus.UNSUPPORTED;
  }

  private static boolean has(List<AttestationCheck> checks, AttestationCheck.Outcome outcome) {
    return checks.stream().anyMatch(c -> c.outcome() == outcome);
  }

  private static OptionalLong earliest(List<AttestationCheck> checks) {
    return checks.stream()
        .filter(c -> c.outcome() == AttestationCheck.Outcome.VERIFIED)
        .mapToLong(c -> c.time().getAsLong())
        .min();
  }
}

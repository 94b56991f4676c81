package io.aurelius.anchoring.verify;

import static io.aurelius.anchoring.verify.KnownCheckpoint.describe;

import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.merkle.InvalidProofException;
import io.aurelius.anchoring.merkle.MerkleHasher;
import io.aurelius.anchoring.merkle.MerkleVerifier;
import io.aurelius.anchoring.note.Checkpoint;
import java.security.MessageDigest;
import java.util.List;

/**
 * The log's latest checkpoint against checkpoints seen before: smaller is a rollback; the same size
 * with another root, or a larger tree without an RFC 6962 consistency proof (from the log's own
 * tiles) to the seen root, is a fork. Either way the failure names both checkpoints.
 */
final class KnownChecks {
  private final MerkleHasher hasher;

  KnownChecks(MerkleHasher hasher) {
    this.hasher = hasher;
  }

  void check(LogSnapshot head, Checkpoint latest, List<KnownCheckpoint> known)
      throws VerificationFailure {
    for (KnownCheckpoint k : known) {
      check(head, latest, k);
    }
  }

  private void check(LogSnapshot head, Checkpoint latest, KnownCheckpoint known)
      throws VerificationFailure {
    Checkpoint seen = known.checkpoint();
    String against = describe(seen) + " (" + known.source() + ")";
    if (!seen.origin().equals(latest.origin())) {
      throw new VerificationFailure(
          "checkpoint " + describe(latest) + ": another origin than " + against);
    }
    if (latest.size() < seen.size()) {
      throw new VerificationFailure(
          "rollback: checkpoint " + describe(latest) + " is smaller than " + against);
    }
    if (latest.size() == seen.size()) {
      if (!MessageDigest.isEqual(latest.root(), seen.root())) {
        throw new VerificationFailure(
            "fork: checkpoint " + describe(latest) + " has another root than " + against);
      }
      return;
    }
    if (seen.size() == 0) {
      return; // every tree extends the empty tree
    }
    try {
      new MerkleVerifier(hasher)
          .verifyConsistency(
              seen.size(),
              latest.size(),
              seen.root(),
              latest.root(),
              LogVerifier.guard(
                  () -> head.consistencyProof(seen.size(), latest.size()), "consistency proof"));
    } catch (InvalidProofException | VerificationFailure e) {
      throw new VerificationFailure(
          "fork: checkpoint "
              + describe(latest)
              + " is not consistent with "
              + against
              + ": "
              + e.getMessage());
    }
  }
}

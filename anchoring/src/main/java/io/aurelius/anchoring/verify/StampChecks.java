package io.aurelius.anchoring.verify;

import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.ots.BlockHeaderSource;
import io.aurelius.anchoring.ots.DetachedTimestamp;
import io.aurelius.anchoring.ots.OtsFormatException;
import io.aurelius.anchoring.ots.StampReport;
import io.aurelius.anchoring.ots.StampStatus;
import io.aurelius.anchoring.ots.TimestampVerifier;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every checkpoint timestamp: it must parse, stamp exactly that checkpoint's text, and not be
 * contradicted by a block header. Counts by standing; a proof is never "verified" without a header
 * source.
 */
final class StampChecks {
  private final TimestampVerifier verifier;

  StampChecks(Optional<BlockHeaderSource> headers) {
    this.verifier = new TimestampVerifier(headers);
  }

  Map<String, Integer> check(LogSnapshot head, List<Long> checkpointSizes)
      throws VerificationFailure {
    Map<String, Integer> counts = new HashMap<>();
    List<Long> proofs = LogVerifier.guard(head::stampedSizes, LogPaths.STAMPS);
    List<Long> pending = LogVerifier.guard(head::pendingStampSizes, LogPaths.STAMPS);
    for (long size : proofs) {
      String path = LogPaths.stamp(size);
      if (!checkpointSizes.contains(size)) {
        throw new VerificationFailure(path + ": no checkpoint of size " + size);
      }
      byte[] bytes = LogVerifier.guard(() -> head.read(path).orElseThrow(), path);
      byte[] text =
          LogVerifier.guard(() -> CheckpointStamper.stampedBytes(head, size), "checkpoint " + size);
      StampReport report;
      try {
        report = verifier.verify(DetachedTimestamp.read(bytes, path), text);
      } catch (OtsFormatException e) {
        throw new VerificationFailure("checkpoint " + size + ": timestamp: " + e.getMessage());
      }
      if (report.status() == StampStatus.FAILED) {
        throw new VerificationFailure("checkpoint " + size + ": timestamp " + report.summary());
      }
      counts.merge(
          switch (report.status()) {
            case VERIFIED -> "verified";
            case UNCHECKED -> "unchecked";
            case PENDING -> "pending";
            default -> "unsupported";
          },
          1,
          Integer::sum);
    }
    for (long size : pending) {
      if (!checkpointSizes.contains(size)) {
        throw new VerificationFailure(
            LogPaths.pendingStamp(size) + ": no checkpoint of size " + size);
      }
      if (proofs.contains(size)) {
        throw new VerificationFailure(
            LogPaths.pendingStamp(size) + ": beside a proof for the same checkpoint");
      }
      counts.merge("unsubmitted", 1, Integer::sum);
    }
    long none =
        checkpointSizes.stream()
            .filter(s -> s > 0 && !proofs.contains(s) && !pending.contains(s))
            .count();
    counts.put("none", (int) none);
    return counts;
  }
}

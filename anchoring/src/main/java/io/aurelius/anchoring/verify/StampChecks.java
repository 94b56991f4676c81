package io.aurelius.anchoring.verify;

import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.ots.Attestation;
import io.aurelius.anchoring.ots.AttestationCheck;
import io.aurelius.anchoring.ots.BlockHeaderSource;
import io.aurelius.anchoring.ots.DetachedTimestamp;
import io.aurelius.anchoring.ots.OtsFormatException;
import io.aurelius.anchoring.ots.StampReport;
import io.aurelius.anchoring.ots.StampStatus;
import io.aurelius.anchoring.ots.TimestampVerifier;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Every checkpoint timestamp: it must parse, stamp exactly that checkpoint's text, and not be
 * contradicted by a block header. Reports each checkpoint's standing, with the Bitcoin block a
 * complete proof names; a proof is never "verified" without a header source.
 */
final class StampChecks {
  private final TimestampVerifier verifier;

  StampChecks(Optional<BlockHeaderSource> headers) {
    this.verifier = new TimestampVerifier(headers);
  }

  /** Each checkpoint's stamp, in size order (size 0, the empty tree, is never stamped). */
  List<CheckpointStamp> check(LogSnapshot head, List<Long> checkpointSizes)
      throws VerificationFailure {
    Map<Long, CheckpointStamp> found = new TreeMap<>();
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
      found.put(size, stamp(size, report));
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
      found.put(
          size,
          new CheckpointStamp(
              size,
              CheckpointStamp.Standing.UNSUBMITTED,
              OptionalLong.empty(),
              OptionalLong.empty(),
              List.of()));
    }
    for (long size : checkpointSizes) {
      if (size > 0) {
        found.putIfAbsent(
            size,
            new CheckpointStamp(
                size,
                CheckpointStamp.Standing.ABSENT,
                OptionalLong.empty(),
                OptionalLong.empty(),
                List.of()));
      }
    }
    return List.copyOf(found.values());
  }

  private static CheckpointStamp stamp(long size, StampReport report) {
    CheckpointStamp.Standing standing =
        switch (report.status()) {
          case VERIFIED -> CheckpointStamp.Standing.VERIFIED;
          case UNCHECKED -> CheckpointStamp.Standing.UNCHECKED;
          case PENDING -> CheckpointStamp.Standing.PENDING;
          case UNSUPPORTED, FAILED -> CheckpointStamp.Standing.UNSUPPORTED;
        };
    AttestationCheck.Outcome wanted =
        standing == CheckpointStamp.Standing.VERIFIED
            ? AttestationCheck.Outcome.VERIFIED
            : AttestationCheck.Outcome.UNCHECKED;
    OptionalLong block =
        report.checks().stream()
            .filter(c -> c.outcome() == wanted)
            .map(AttestationCheck::attestation)
            .filter(a -> a instanceof Attestation.BlockHeight)
            .mapToLong(a -> ((Attestation.BlockHeight) a).height())
            .min();
    List<String> calendars =
        report.checks().stream()
            .filter(c -> c.outcome() == AttestationCheck.Outcome.PENDING)
            .map(c -> ((Attestation.Pending) c.attestation()).uri())
            .distinct()
            .toList();
    boolean bitcoin =
        standing == CheckpointStamp.Standing.VERIFIED
            || standing == CheckpointStamp.Standing.UNCHECKED;
    return new CheckpointStamp(
        size,
        bitcoin && block.isEmpty() ? CheckpointStamp.Standing.UNSUPPORTED : standing,
        bitcoin ? block : OptionalLong.empty(),
        standing == CheckpointStamp.Standing.VERIFIED ? report.time() : OptionalLong.empty(),
        calendars);
  }
}

package io.aurelius.anchoring.stamping;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogCorruptException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.log.LogWriter;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.ots.DetachedTimestamp;
import io.aurelius.anchoring.ots.OtsFormatException;
import io.aurelius.anchoring.ots.StampStatus;
import io.aurelius.anchoring.ots.Stamper;
import io.aurelius.anchoring.ots.TimestampVerifier;
import io.aurelius.anchoring.ots.UnaryOp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stamps a log's checkpoints: the stamped bytes are the checkpoint's text (origin, size, root),
 * which cosignatures never change. All changes of one round go into one signed commit.
 */
public final class CheckpointStamper {
  private final Stamper stamper;

  public CheckpointStamper(Stamper stamper) {
    this.stamper = requireNonNull(stamper, "stamper");
  }

  /** The calendars this stamper asks. */
  public List<URI> calendars() {
    return stamper.calendars();
  }

  /** The bytes a checkpoint's timestamp covers. */
  public static byte[] stampedBytes(LogSnapshot log, long size) throws LogException {
    try {
      return SignedNote.parse(log.checkpointBytes(size)).text().getBytes(StandardCharsets.UTF_8);
    } catch (MalformedNoteException e) {
      throw new LogCorruptException("checkpoint " + size + ": " + e.getMessage());
    }
  }

  /**
   * Submits every checkpoint that has neither a proof nor a pending record; with {@code upgrade},
   * also retries pending records and asks calendars to complete proofs.
   */
  public StampRun run(GitLog log, LogWriter writer, boolean upgrade) throws LogException {
    return run(log.head(), writer::commitFiles, upgrade);
  }

  /**
   * The same round against a snapshot, committing through {@code commit}: the calendars are asked
   * without holding the log, so a writer that appends meanwhile is never kept waiting by a slow
   * calendar. The commit touches only {@code stamps/} paths of checkpoints in {@code head}, which
   * later appends keep, so it may land on a newer head.
   */
  public StampRun run(LogSnapshot head, Commit commit, boolean upgrade) throws LogException {
    requireNonNull(head, "head");
    requireNonNull(commit, "commit");
    List<Long> stamped = new ArrayList<>();
    List<Long> recorded = new ArrayList<>();
    List<Long> upgraded = new ArrayList<>();
    List<Long> waiting = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Map<String, byte[]> changes = new LinkedHashMap<>();
    List<Long> proofs = head.stampedSizes();
    List<Long> pending = head.pendingStampSizes();
    for (long size : head.checkpointSizes()) {
      if (size == 0 || proofs.contains(size)) {
        continue;
      }
      boolean isPending = pending.contains(size);
      if (isPending && !upgrade) {
        waiting.add(size);
        continue;
      }
      byte[] text = stampedBytes(head, size);
      Stamper.Result r = stamper.stamp(text);
      failures.addAll(r.failures());
      if (r.proof().isPresent()) {
        changes.put(LogPaths.stamp(size), r.proof().get().toBytes());
        if (isPending) {
          changes.put(LogPaths.pendingStamp(size), null);
        }
        stamped.add(size);
      } else if (!isPending) {
        changes.put(LogPaths.pendingStamp(size), pendingRecord(size, text));
        recorded.add(size);
      } else {
        waiting.add(size);
      }
    }
    if (upgrade) {
      TimestampVerifier structure = new TimestampVerifier(Optional.empty());
      for (long size : proofs) {
        DetachedTimestamp proof = readProof(head, size);
        if (structure.verify(proof.timestamp()).status() != StampStatus.PENDING) {
          continue;
        }
        Stamper.Result r = stamper.upgrade(proof);
        failures.addAll(r.failures());
        if (r.changed()) {
          changes.put(LogPaths.stamp(size), proof.toBytes());
          upgraded.add(size);
        }
        if (structure.verify(proof.timestamp()).status() == StampStatus.PENDING) {
          waiting.add(size);
        }
      }
    }
    if (!changes.isEmpty()) {
      commit.files(subject(stamped, recorded, upgraded), changes);
    }
    return new StampRun(stamped, recorded, upgraded, waiting, failures);
  }

  /** Writes one round's files in one signed commit ({@link LogWriter#commitFiles}). */
  @FunctionalInterface
  public interface Commit {
    void files(String subject, Map<String, byte[]> files) throws LogException;
  }

  private static DetachedTimestamp readProof(LogSnapshot head, long size) throws LogException {
    byte[] bytes =
        head.read(LogPaths.stamp(size))
            .orElseThrow(() -> new LogCorruptException(LogPaths.stamp(size) + ": missing"));
    try {
      return DetachedTimestamp.read(bytes, LogPaths.stamp(size));
    } catch (OtsFormatException e) {
      throw new LogCorruptException(e.getMessage());
    }
  }

  private static byte[] pendingRecord(long size, byte[] text) {
    return ("{\"checkpoint\":"
            + size
            + ",\"sha256\":\""
            + HexFormat.of().formatHex(UnaryOp.SHA256.digest(text))
            + "\"}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String subject(List<Long> stamped, List<Long> recorded, List<Long> upgraded) {
    List<String> parts = new ArrayList<>();
    if (!stamped.isEmpty()) {
      parts.add("stamped " + stamped);
    }
    if (!recorded.isEmpty()) {
      parts.add("pending " + recorded);
    }
    if (!upgraded.isEmpty()) {
      parts.add("upgraded " + upgraded);
    }
    return "timestamps: " + String.join(", ", parts);
  }
}

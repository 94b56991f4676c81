package io.aurelius.anchoring.burn;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.LogConflictException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.log.LogWriter;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import java.util.Map;

/** Writing burn records into a log: one signed commit per burn, never replacing one. */
public final class Burns {
  private Burns() {}

  /** Burns entry {@code index} of the log's head; returns the record written. */
  public static BurnRecord burn(
      LogWriter writer,
      LogSnapshot head,
      long index,
      String reason,
      ContentId evidence,
      long now,
      Signer key)
      throws LogException {
    requireNonNull(writer, "writer");
    requireNonNull(head, "head");
    if (index < 0 || index >= head.size()) {
      throw new LogConflictException(
          "entry " + index + ": not in the log (expected: 0.." + (head.size() - 1) + ")");
    }
    if (head.read(LogPaths.burn(index)).isPresent()) {
      throw new LogConflictException("entry " + index + ": already burned");
    }
    BurnRecord record =
        BurnRecord.sign(index, ContentId.of(head.entry(index)), reason, evidence, now, key);
    writer.commitFiles(
        "burn entry " + index + ": " + abbreviate(reason),
        Map.of(LogPaths.burn(index), record.toBytes()));
    return record;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}

package io.aurelius.anchoring.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.AppendResult;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogKind;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.log.LogWriter;
import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus log, as the validator uses it: created once with its origin and hotkey, then appended
 * in batches of accepted entries (one signed commit per batch). Appends are idempotent per start
 * index, so a validator that crashed may simply retry its batch.
 */
public final class CorpusLog implements AutoCloseable {
  private final GitLog log;
  private final LogWriter writer;

  private CorpusLog(GitLog log, LogWriter writer) {
    this.log = log;
    this.writer = writer;
  }

  public static CorpusLog create(Path directory, String origin, Ed25519KeyPair hotkey, Clock clock)
      throws LogException {
    GitLog log = LogWriter.create(directory, LogKind.CORPUS, origin, hotkey, clock);
    return new CorpusLog(log, new LogWriter(log, hotkey, clock));
  }

  /** Opens an existing corpus for writing with its log key. */
  public static CorpusLog open(Path directory, Ed25519KeyPair hotkey, Clock clock)
      throws LogException {
    LogWriter.Opened opened = LogWriter.openForWriting(directory, LogKind.CORPUS, hotkey, clock);
    return new CorpusLog(opened.log(), opened.writer());
  }

  public AppendResult append(long expectedStart, List<CorpusEntry> entries) throws LogException {
    requireNonNull(entries, "entries");
    List<byte[]> bytes = new ArrayList<>(entries.size());
    entries.forEach(e -> bytes.add(e.bytes()));
    return writer.append(expectedStart, bytes);
  }

  public LogSnapshot head() throws LogException {
    return log.head();
  }

  public GitLog log() {
    return log;
  }

  public LogWriter writer() {
    return writer;
  }

  @Override
  public void close() {
    log.close();
  }
}

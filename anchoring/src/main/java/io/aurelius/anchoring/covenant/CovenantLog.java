package io.aurelius.anchoring.covenant;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.log.AppendResult;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogKind;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.log.LogWriter;
import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The covenant log: genesis at entry 0, amendments after; checked before every append. */
public final class CovenantLog implements AutoCloseable {
  private final GitLog log;
  private final LogWriter writer;

  private CovenantLog(GitLog log, LogWriter writer) {
    this.log = log;
    this.writer = writer;
  }

  public static CovenantLog create(
      Path directory, String origin, Ed25519KeyPair key, Clock clock, JsonNode genesis)
      throws LogException, InvalidCovenantException {
    requireNonNull(genesis, "genesis");
    byte[] entry = Covenant.canonical(genesis);
    Covenant.genesis(entry);
    GitLog log = LogWriter.create(directory, LogKind.COVENANT, origin, key, clock);
    try {
      LogWriter writer = new LogWriter(log, key, clock);
      writer.append(0, List.of(entry));
      return new CovenantLog(log, writer);
    } catch (LogException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  public static CovenantLog open(Path directory, Ed25519KeyPair key, Clock clock)
      throws LogException {
    LogWriter.Opened opened = LogWriter.openForWriting(directory, LogKind.COVENANT, key, clock);
    return new CovenantLog(opened.log(), opened.writer());
  }

  /** The covenant in force at the head. */
  public Covenant current() throws LogException, InvalidCovenantException {
    return replay(log.head());
  }

  public static Covenant replay(LogSnapshot snapshot)
      throws LogException, InvalidCovenantException {
    List<byte[]> entries = new ArrayList<>();
    for (long b = 0; b * LogPaths.TILE_WIDTH < snapshot.size(); b++) {
      entries.addAll(snapshot.bundle(b));
    }
    return Covenant.replay(entries);
  }

  /** Appends an amendment after checking it amends the covenant in force. */
  public AppendResult amend(JsonNode amendment) throws LogException, InvalidCovenantException {
    requireNonNull(amendment, "amendment");
    byte[] entry = Covenant.canonical(amendment);
    Covenant now = current();
    now.amend(entry);
    return writer.append(now.entries(), List.of(entry));
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

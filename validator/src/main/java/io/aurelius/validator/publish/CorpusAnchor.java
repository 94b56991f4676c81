package io.aurelius.validator.publish;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.corpus.CatchUp;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.corpus.ReplicaDivergedException;
import io.aurelius.anchoring.log.AppendResult;
import io.aurelius.anchoring.log.Cosignature;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.NoteSignature;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.note.WitnessQuorum;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.anchoring.stamping.StampRun;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.validator.consensus.OwnLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The validator's corpus log ({@code corpus.git}), created on first use with the configured origin
 * and signed with the hotkey. Appends are one batch per epoch at a start index the pipeline
 * recorded before appending, so a retried batch is recognised by the log and not appended twice.
 * Thread-safe (the cosign route reads while the pipeline writes).
 */
public final class CorpusAnchor implements OwnLog, AutoCloseable {
  public static final String NAME = "corpus";

  private final CorpusLog log;
  private final String origin;
  private final Path directory;

  private CorpusAnchor(CorpusLog log, String origin, Path directory) {
    this.log = log;
    this.origin = origin;
    this.directory = directory;
  }

  public static CorpusAnchor open(Path directory, String origin, Ed25519KeyPair hotkey, Clock clock)
      throws LogException {
    requireNonNull(directory, "directory");
    CorpusLog log =
        Files.exists(directory.resolve("HEAD"))
            ? CorpusLog.open(directory, hotkey, clock)
            : CorpusLog.create(directory, origin, hotkey, clock);
    String actual = log.head().manifest().origin();
    return new CorpusAnchor(log, actual, directory);
  }

  @Override
  public String origin() {
    return origin;
  }

  public synchronized long size() throws LogException {
    return log.head().size();
  }

  public synchronized AppendResult append(long start, List<CorpusEntry> entries)
      throws LogException {
    return log.append(start, entries);
  }

  @Override
  public synchronized Optional<byte[]> root(long size) {
    try {
      LogSnapshot head = log.head();
      return size <= head.size() && size >= 0 ? Optional.of(head.root(size)) : Optional.empty();
    } catch (LogException e) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized Optional<List<byte[]>> consistency(long oldSize, long newSize) {
    try {
      LogSnapshot head = log.head();
      return 0 < oldSize && oldSize <= newSize && newSize <= head.size()
          ? Optional.of(head.consistencyProof(oldSize, newSize))
          : Optional.empty();
    } catch (LogException e) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized Optional<String> latest() {
    try {
      LogSnapshot head = log.head();
      return head.size() == 0
          ? Optional.empty()
          : Optional.of(new String(head.checkpointBytes(head.size()), StandardCharsets.UTF_8));
    } catch (LogException e) {
      return Optional.empty();
    }
  }

  /**
   * Catches this replica up from a peer's published corpus ({@code url}, git), whose latest
   * checkpoint must be signed by {@code peerLogKey}: see {@link CatchUp}. The peer's log is cloned
   * into a scratch directory beside this one and removed afterwards.
   *
   * @return how many entries were appended
   * @throws ReplicaDivergedException this replica is not a prefix of the peer's; nothing changed
   */
  public long catchUpFrom(String url, VerifierKey peerLogKey) throws LogException {
    return catchUpFrom(url, peerLogKey, entry -> true);
  }

  /**
   * As {@link #catchUpFrom(String, VerifierKey)}, up to the peer's last signed checkpoint before an
   * entry {@code upTo} does not accept.
   */
  public long catchUpFrom(String url, VerifierKey peerLogKey, Predicate<CorpusEntry> upTo)
      throws LogException {
    requireNonNull(url, "url");
    requireNonNull(peerLogKey, "peerLogKey");
    Path scratch;
    try {
      scratch = Files.createTempDirectory(directory.toAbsolutePath().getParent(), ".peer-corpus-");
    } catch (IOException e) {
      throw new LogException(directory + ": cannot make a scratch directory: " + e.getMessage(), e);
    }
    try (GitLog peer = GitLog.cloneFrom(url, scratch.resolve("corpus.git"))) {
      LogSnapshot theirs = peer.head();
      synchronized (this) {
        return new CatchUp().from(log, theirs, peerLogKey, upTo);
      }
    } finally {
      deleteQuietly(scratch);
    }
  }

  /**
   * Repairs this replica after it diverged from the peer's at {@code url} ({@link CatchUp#repair}):
   * only against a peer checkpoint {@code quorum} witnessed; the divergent entries go to {@link
   * #quarantine()} and the commits stay under a {@code refs/aurelius/diverged/} ref.
   */
  public CatchUp.Repair repairFrom(
      String url, VerifierKey peerLogKey, WitnessQuorum quorum, Predicate<CorpusEntry> upTo)
      throws LogException {
    requireNonNull(url, "url");
    Path scratch;
    try {
      scratch = Files.createTempDirectory(directory.toAbsolutePath().getParent(), ".peer-corpus-");
    } catch (IOException e) {
      throw new LogException(directory + ": cannot make a scratch directory: " + e.getMessage(), e);
    }
    try (GitLog peer = GitLog.cloneFrom(url, scratch.resolve("corpus.git"))) {
      LogSnapshot theirs = peer.head();
      synchronized (this) {
        return new CatchUp().repair(log, theirs, peerLogKey, quorum, upTo, quarantine());
      }
    } finally {
      deleteQuietly(scratch);
    }
  }

  /** Where entries set aside by a repair are kept for the operator, beside the corpus. */
  public Path quarantine() {
    return directory.toAbsolutePath().resolveSibling("corpus-quarantine");
  }

  private static void deleteQuietly(Path scratch) {
    try (Stream<Path> paths = Files.walk(scratch)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover scratch clone is harmless; the next catch-up makes its own
    }
  }

  /** The signed checkpoint for {@code size}, with any cosignatures added so far. */
  public synchronized SignedNote checkpoint(long size) throws LogException {
    try {
      return SignedNote.parse(log.head().checkpointBytes(size));
    } catch (MalformedNoteException e) {
      throw new LogException("checkpoint " + size + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds a peer's cosignature to the checkpoint of {@code size}, unless that witness already
   * cosigned it. The line must verify under {@code witness} (the log writer checks).
   */
  public synchronized boolean addCosignature(long size, String witness, String note)
      throws LogException, MalformedNoteException {
    VerifierKey key = VerifierKey.parse(witness);
    SignedNote theirs = SignedNote.parse(note);
    if (theirs.signatures().size() != 1 || !theirs.signatures().get(0).matches(key)) {
      throw new MalformedNoteException(
          "cosignature note: expected exactly one line by " + key.name());
    }
    SignedNote current = checkpoint(size);
    if (!current.text().equals(theirs.text())) {
      throw new MalformedNoteException("cosignature note: for another checkpoint text");
    }
    if (current.signatures().stream().anyMatch(s -> s.matches(key))) {
      return false;
    }
    log.writer().addCosignatures(size, List.of(new Cosignature(key, theirs.signatures().get(0))));
    return true;
  }

  /** The log as it is now (an immutable snapshot). */
  public synchronized LogSnapshot snapshot() throws LogException {
    return log.head();
  }

  /**
   * One stamping round ({@link CheckpointStamper#run(LogSnapshot, CheckpointStamper.Commit,
   * boolean)}): calendars are asked outside this object's lock, so appends and cosignatures never
   * wait for them; only the commit of the round's {@code stamps/} files takes it.
   */
  public StampRun stamp(CheckpointStamper stamper) throws LogException {
    requireNonNull(stamper, "stamper");
    LogSnapshot head;
    synchronized (this) {
      head = log.head();
    }
    return stamper.run(head, this::commitStamps, true);
  }

  private synchronized void commitStamps(String subject, Map<String, byte[]> files)
      throws LogException {
    log.writer().commitFiles(subject, files);
  }

  /** Names of the signature lines on the checkpoint: the log's own first, then witnesses. */
  public synchronized List<String> signers(long size) throws LogException {
    List<String> out = new ArrayList<>();
    for (NoteSignature s : checkpoint(size).signatures()) {
      out.add(s.name());
    }
    return out;
  }

  @Override
  public synchronized void close() {
    log.close();
  }
}

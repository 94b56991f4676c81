package io.aurelius.anchoring.log;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.merkle.MerkleHasher;
import io.aurelius.anchoring.merkle.MerkleProofs;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.NoteVerificationException;
import io.aurelius.anchoring.note.NoteVerifier;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Appends to a log with the log's own key: each batch is one SSH-signed commit holding the new
 * entry bundles, the new hash tiles and the signed checkpoint for the new size, written into one
 * pack and published by a compare-and-set of the branch. A batch retried after a crash or lost
 * acknowledgement is recognised and not appended twice. Not thread-safe; concurrent writers (even
 * in other processes) lose the compare-and-set and get a {@link LogConflictException}.
 */
public final class LogWriter {
  public static final int MAX_ENTRY_BYTES = 1 << 20;
  public static final int MAX_BATCH = 1_000_000;
  private static final JsonLimits ENTRY_LIMITS =
      new JsonLimits(MAX_ENTRY_BYTES, 64, MAX_ENTRY_BYTES);

  private final GitLog log;
  private final Ed25519KeyPair key;
  private final NoteSigner signer;
  private final Clock clock;
  private final MerkleHasher hasher = new MerkleHasher();
  private Runnable beforePublish = () -> {};
  private int repackThreshold = Repacker.DEFAULT_THRESHOLD;

  public LogWriter(GitLog log, Ed25519KeyPair key, Clock clock) throws LogException {
    this.log = requireNonNull(log, "log");
    this.key = requireNonNull(key, "key");
    this.clock = requireNonNull(clock, "clock");
    LogManifest manifest = log.head().manifest();
    this.signer = new NoteSigner(manifest.origin(), key);
    if (!signer.verifierKey().equals(manifest.logKey())) {
      throw new LogConflictException(
          "key "
              + KeyId.of(key.publicKey()).address()
              + " is not the key of log "
              + manifest.origin()
              + " (log key: "
              + manifest.logKey().format()
              + ")");
    }
  }

  /** An open log of a known kind and a writer for it; closing the log releases both. */
  public record Opened(GitLog log, LogWriter writer) {}

  /**
   * Opens an existing log of the {@code expected} kind for writing with its log key; a log of
   * another kind is a {@link LogConflictException} and nothing stays open.
   */
  public static Opened openForWriting(
      Path directory, LogKind expected, Ed25519KeyPair key, Clock clock) throws LogException {
    requireNonNull(expected, "expected");
    GitLog log = GitLog.open(directory);
    try {
      LogKind kind = log.head().manifest().kind();
      if (kind != expected) {
        throw new LogConflictException(
            directory + ": a " + kind.id() + " log (expected: a " + expected.id() + ")");
      }
      return new Opened(log, new LogWriter(log, key, clock));
    } catch (LogException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  /** Creates a new log: repository, manifest, README and the signed checkpoint of size 0. */
  public static GitLog create(
      Path directory, LogKind kind, String origin, Ed25519KeyPair key, Clock clock)
      throws LogException {
    requireNonNull(kind, "kind");
    requireNonNull(origin, "origin");
    requireNonNull(key, "key");
    NoteSigner signer;
    try {
      signer = new NoteSigner(origin, key);
    } catch (IllegalArgumentException e) {
      throw new LogConflictException("origin '" + origin + "': " + e.getMessage());
    }
    LogManifest manifest = new LogManifest(kind, origin, signer.verifierKey());
    GitLog log = GitLog.createRepository(directory);
    try {
      byte[] empty = new MerkleHasher().emptyRoot();
      SignedNote zero = signer.signNote(new Checkpoint(origin, 0, empty).text());
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put(LogPaths.MANIFEST, manifest.toBytes());
      files.put(LogPaths.README, RepositoryReadme.text(manifest).getBytes(StandardCharsets.UTF_8));
      files.put(LogPaths.LATEST_CHECKPOINT, zero.bytes());
      files.put(LogPaths.checkpoint(0), zero.bytes());
      CommitWriter.commit(
          log,
          key,
          clock,
          origin,
          Optional.empty(),
          files,
          kind.id() + ": create log " + origin + "\n\nLog-Size: 0\n",
          () -> {},
          Repacker.DEFAULT_THRESHOLD);
      return log;
    } catch (LogException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  /**
   * Appends {@code entries} (canonical JSON objects, one per entry) at index {@code expectedStart},
   * which must be the current size, or the start of this very batch if it was already appended.
   */
  public AppendResult append(long expectedStart, List<byte[]> entries) throws LogException {
    requireNonNull(entries, "entries");
    if (entries.isEmpty() || entries.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "batch: " + entries.size() + " entries (expected: 1.." + MAX_BATCH + ")");
    }
    for (int i = 0; i < entries.size(); i++) {
      checkEntry(entries.get(i), i);
    }
    LogSnapshot head = log.head();
    long size = head.size();
    if (expectedStart != size) {
      return alreadyAppended(head, expectedStart, entries);
    }
    Map<String, byte[]> changes = new LinkedHashMap<>();
    List<byte[]> leafHashes = new ArrayList<>(entries.size());
    for (byte[] e : entries) {
      leafHashes.add(hasher.leafHash(e));
    }
    new TileWriter(hasher)
        .append(new TiledHashes(head.files(), size, hasher), size, leafHashes, changes);
    appendBundles(head, entries, changes);
    long newSize = size + entries.size();
    byte[] root =
        new MerkleProofs(
                new TiledHashes(FileSource.overlay(changes, head.files()), newSize, hasher), hasher)
            .root(newSize);
    SignedNote note =
        signer.signNote(new Checkpoint(head.manifest().origin(), newSize, root).text());
    changes.put(LogPaths.LATEST_CHECKPOINT, note.bytes());
    changes.put(LogPaths.checkpoint(newSize), note.bytes());
    String message =
        head.manifest().kind().id()
            + ": append entries "
            + size
            + ".."
            + (newSize - 1)
            + "\n\n"
            + "Log-Size: "
            + newSize
            + "\nLog-Root: "
            + java.util.Base64.getEncoder().encodeToString(root)
            + "\n";
    ObjectId commit =
        CommitWriter.commit(
            log,
            key,
            clock,
            head.manifest().origin(),
            Optional.of(head),
            changes,
            message,
            beforePublish,
            repackThreshold);
    return new AppendResult(size, entries.size(), note, commit, false);
  }

  private AppendResult alreadyAppended(LogSnapshot head, long start, List<byte[]> entries)
      throws LogException {
    long size = head.size();
    if (start < 0 || start > size || start + entries.size() > size) {
      throw new LogConflictException(
          "append at "
              + start
              + ": the log has "
              + size
              + " entries (expected: start "
              + size
              + ", or a batch already in the log)");
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!Arrays.equals(head.entry(start + i), entries.get(i))) {
        throw new LogConflictException(
            "append at "
                + start
                + ": entry "
                + (start + i)
                + " in the log differs from the batch (expected: the same batch, or start "
                + size
                + ")");
      }
    }
    long end = start + entries.size();
    Optional<Long> covering = head.checkpointSizes().stream().filter(s -> s >= end).findFirst();
    SignedNote note;
    try {
      note = SignedNote.parse(head.checkpointBytes(covering.orElse(size)));
    } catch (MalformedNoteException e) {
      throw new LogCorruptException("checkpoint " + covering.orElse(size) + ": " + e.getMessage());
    }
    return new AppendResult(start, entries.size(), note, head.commitId(), true);
  }

  private static void appendBundles(
      LogSnapshot head, List<byte[]> entries, Map<String, byte[]> changes) throws LogException {
    long index = head.size();
    int next = 0;
    while (next < entries.size()) {
      long bundle = index / LogPaths.TILE_WIDTH;
      int had = (int) (index % LogPaths.TILE_WIDTH);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (had > 0) {
        head.bundle(bundle)
            .forEach(
                line -> {
                  out.writeBytes(line);
                  out.write('\n');
                });
      }
      for (int i = had; i < LogPaths.TILE_WIDTH && next < entries.size(); i++, next++, index++) {
        out.writeBytes(entries.get(next));
        out.write('\n');
      }
      changes.put(LogPaths.entryBundle(bundle), out.toByteArray());
    }
  }

  /** Adds verified cosignatures to the checkpoint of {@code size} (and the latest copy). */
  public void addCosignatures(long size, List<Cosignature> cosignatures) throws LogException {
    requireNonNull(cosignatures, "cosignatures");
    LogSnapshot head = log.head();
    SignedNote note;
    try {
      note = SignedNote.parse(head.checkpointBytes(size));
    } catch (MalformedNoteException e) {
      throw new LogCorruptException("checkpoint " + size + ": " + e.getMessage());
    }
    List<String> names = new ArrayList<>();
    for (Cosignature c : cosignatures) {
      SignedNote candidate = note.withSignature(c.line());
      try {
        if (new NoteVerifier(List.of(c.witness())).verify(candidate).isEmpty()) {
          throw new NoteVerificationException(
              "cosignature line does not match key " + c.witness().format());
        }
      } catch (NoteVerificationException e) {
        throw new LogConflictException("checkpoint " + size + ": " + e.getMessage());
      }
      note = candidate;
      names.add(c.witness().name());
    }
    Map<String, byte[]> changes = new LinkedHashMap<>();
    changes.put(LogPaths.checkpoint(size), note.bytes());
    if (size == head.size()) {
      changes.put(LogPaths.LATEST_CHECKPOINT, note.bytes());
    }
    CommitWriter.commit(
        log,
        key,
        clock,
        head.manifest().origin(),
        Optional.of(head),
        changes,
        head.manifest().kind().id()
            + ": cosign checkpoint "
            + size
            + " ("
            + String.join(", ", names)
            + ")\n\nLog-Size: "
            + head.size()
            + "\n",
        beforePublish,
        repackThreshold);
  }

  /**
   * Commits files under {@code stamps/} or {@code burns/} (the only parts that change outside
   * appends); a null value deletes a stamp file. Burn records, once written, are never replaced.
   */
  public ObjectId commitFiles(String subject, Map<String, byte[]> files) throws LogException {
    requireNonNull(subject, "subject");
    requireNonNull(files, "files");
    LogSnapshot head = log.head();
    Map<String, byte[]> changes = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
      String path = f.getKey();
      if (!path.matches("(stamps|burns)/[0-9]{20}\\.[a-z]+")) {
        throw new IllegalArgumentException(
            "path '" + path + "' (expected: stamps/<20 digits>.<ext> or burns/<20 digits>.json)");
      }
      if (path.startsWith(LogPaths.BURNS + "/")
          && (f.getValue() == null || head.read(path).isPresent())) {
        throw new LogConflictException(
            path + ": already exists or is being removed (burns are never replaced)");
      }
      changes.put(path, f.getValue());
    }
    if (changes.isEmpty()) {
      return head.commitId();
    }
    return CommitWriter.commit(
        log,
        key,
        clock,
        head.manifest().origin(),
        Optional.of(head),
        changes,
        head.manifest().kind().id() + ": " + subject + "\n\nLog-Size: " + head.size() + "\n",
        beforePublish,
        repackThreshold);
  }

  /**
   * Moves the log back to the newest commit at log size {@code size} (its cosignatures and stamps
   * included), keeping the commits after it under the ref {@code keepRef}: nothing is deleted. Only
   * for a replica that diverged from its peers (docs/validator.md); returns the commit it is at.
   */
  public ObjectId rewindTo(long size, String keepRef) throws LogException {
    requireNonNull(keepRef, "keepRef");
    if (!keepRef.matches("refs/aurelius/diverged/[0-9a-z-]+")) {
      throw new IllegalArgumentException(
          "keepRef: '" + keepRef + "' (expected: refs/aurelius/diverged/<name>)");
    }
    LogSnapshot head = log.head();
    if (size < 0 || size > head.size()) {
      throw new IllegalArgumentException("size: " + size + " (expected: 0.." + head.size() + ")");
    }
    try (org.eclipse.jgit.revwalk.RevWalk walk =
        new org.eclipse.jgit.revwalk.RevWalk(log.repository())) {
      org.eclipse.jgit.revwalk.RevCommit c = walk.parseCommit(head.commitId());
      while (log.at(c.getId()).size() != size) {
        if (c.getParentCount() == 0) {
          throw new LogCorruptException("no commit at log size " + size + " in the history");
        }
        c = walk.parseCommit(c.getParent(0));
      }
      if (!c.getId().equals(head.commitId())) {
        CommitWriter.rewind(log, head.commitId(), c.getId(), keepRef);
      }
      return c.getId();
    } catch (java.io.IOException e) {
      throw new LogException(log.directory() + ": " + e.getMessage(), e);
    }
  }

  /** Repacks once the repository holds more than {@code packs} packs (one per commit). */
  void repackThreshold(int packs) {
    if (packs < 1) {
      throw new IllegalArgumentException("packs: " + packs + " (expected: >= 1)");
    }
    this.repackThreshold = packs;
  }

  /** Test seam: runs after the objects are written and before the branch moves. */
  void beforePublish(Runnable hook) {
    this.beforePublish = requireNonNull(hook, "hook");
  }

  private static void checkEntry(byte[] entry, int i) {
    requireNonNull(entry, "entry");
    if (entry.length == 0 || entry.length > MAX_ENTRY_BYTES) {
      throw new IllegalArgumentException(
          "batch entry "
              + i
              + ": "
              + entry.length
              + " bytes (expected: 1.."
              + MAX_ENTRY_BYTES
              + ")");
    }
    JsonNode node;
    try {
      node = Json.parse(entry, "batch entry " + i, ENTRY_LIMITS);
    } catch (JsonInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!node.isObject() || !Arrays.equals(CanonicalJson.bytes(node), entry)) {
      throw new IllegalArgumentException(
          "batch entry " + i + ": not a canonical JSON object (expected: RFC 8785 bytes)");
    }
  }
}

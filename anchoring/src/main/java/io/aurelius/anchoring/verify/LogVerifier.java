package io.aurelius.anchoring.verify;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.burn.BurnRecord;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.InvalidEntryException;
import io.aurelius.anchoring.corpus.StoredEntryCheck;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogCorruptException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogKind;
import io.aurelius.anchoring.log.LogManifest;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.merkle.InvalidProofException;
import io.aurelius.anchoring.merkle.MerkleHasher;
import io.aurelius.anchoring.merkle.MerkleVerifier;
import io.aurelius.anchoring.merkle.TreeFrontier;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.NoteVerificationException;
import io.aurelius.anchoring.note.NoteVerifier;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.WitnessQuorum;
import io.aurelius.anchoring.ots.BlockHeaderSource;
import io.aurelius.core.json.CanonicalJson;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Verifies a whole log against a {@link TrustPolicy}. Content is checked before history, so a
 * tampered entry is named as the entry even when the tampering commit is also unsigned.
 */
public final class LogVerifier {
  private final TrustPolicy trust;
  private final Optional<BlockHeaderSource> headers;
  private final MerkleHasher hasher = new MerkleHasher();

  public LogVerifier(TrustPolicy trust, Optional<BlockHeaderSource> headers) {
    this.trust = requireNonNull(trust, "trust");
    this.headers = requireNonNull(headers, "headers");
  }

  /**
   * Verifies the log at its head.
   *
   * @throws VerificationFailure naming the first check that failed
   * @throws LogException if the log cannot be read at all (I/O)
   */
  public VerificationReport verify(GitLog log) throws VerificationFailure, LogException {
    return verify(log, List.of());
  }

  /**
   * Verifies the log at its head, and that its latest checkpoint neither rolls back nor forks from
   * any of the {@code known} checkpoints.
   *
   * @throws VerificationFailure naming the first check that failed
   * @throws LogException if the log cannot be read at all (I/O)
   */
  public VerificationReport verify(GitLog log, List<KnownCheckpoint> known)
      throws VerificationFailure, LogException {
    requireNonNull(log, "log");
    requireNonNull(known, "known");
    LogSnapshot head = log.head();
    LogManifest manifest = head.manifest();
    checkTrust(manifest);
    List<Long> sizes = sizes(head);
    List<SignedNote> notes = new ArrayList<>();
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (long size : sizes) {
      SignedNote note = checkpoint(head, manifest, size);
      notes.add(note);
      checkpoints.add(parse(note, size));
    }
    Checkpoint latest = checkpoints.get(checkpoints.size() - 1);
    if (!Arrays.equals(head.latestNote().bytes(), notes.get(notes.size() - 1).bytes())) {
      throw new VerificationFailure(
          "checkpoint "
              + latest.size()
              + ": the '"
              + LogPaths.LATEST_CHECKPOINT
              + "' file differs from "
              + LogPaths.checkpoint(latest.size()));
    }
    for (Checkpoint c : checkpoints) {
      byte[] root = guard(() -> head.root(c.size()), "checkpoint " + c.size());
      if (!MessageDigest.isEqual(root, c.root())) {
        throw new VerificationFailure(
            "checkpoint "
                + c.size()
                + ": signed root "
                + c.rootBase64()
                + " does not match the log's hash tiles ("
                + Base64.getEncoder().encodeToString(root)
                + ")");
      }
    }
    Optional<Covenant> covenant = entries(head, manifest, checkpoints);
    consistency(head, checkpoints);
    new KnownChecks(hasher).check(head, latest, known);
    int witnessed = 0;
    OptionalLong latestWitnessed = OptionalLong.empty();
    for (int i = 0; i < notes.size(); i++) {
      long size = checkpoints.get(i).size();
      WitnessQuorum.Assessment a;
      try {
        a = trust.witnesses().assess(notes.get(i));
      } catch (NoteVerificationException e) {
        throw new VerificationFailure("checkpoint " + size + ": " + e.getMessage());
      }
      if (size > 0 && a.witnessed()) {
        witnessed++;
        latestWitnessed = OptionalLong.of(size);
      }
    }
    if (trust.requireWitnessed()
        && latest.size() > 0
        && (latestWitnessed.isEmpty() || latestWitnessed.getAsLong() != latest.size())) {
      throw new VerificationFailure(
          "checkpoint "
              + latest.size()
              + ": not witnessed (cosigned by less than "
              + trust.witnesses().threshold()
              + " of "
              + trust.witnesses().totalStake()
              + " witness stake; "
              + trust.source()
              + "; --require-witnessed-enabled=false accepts it unwitnessed)");
    }
    List<CheckpointStamp> stamps = new StampChecks(headers).check(head, sizes);
    List<BurnRecord> burns = new BurnChecks(trust).check(head);
    int commits = new HistoryCheck(log, head).run();
    return new VerificationReport(
        manifest,
        head.commitId().abbreviate(12).name(),
        trust.source(),
        latest,
        checkpoints.size() - 1,
        witnessed,
        latestWitnessed,
        trust.witnesses().hasWitnesses(),
        stamps,
        burns,
        commits,
        covenant);
  }

  private void checkTrust(LogManifest manifest) throws VerificationFailure {
    if (!trust.logKeys().contains(manifest.logKey())) {
      throw new VerificationFailure(
          "log key "
              + manifest.logKey().format()
              + " is not among the trusted keys ("
              + trust.source()
              + ")");
    }
    if (trust.origin().isPresent()
        && manifest.kind() == LogKind.CORPUS
        && !trust.origin().get().equals(manifest.origin())) {
      throw new VerificationFailure(
          "origin "
              + manifest.origin()
              + " (expected: "
              + trust.origin().get()
              + " per "
              + trust.source()
              + ")");
    }
  }

  private static List<Long> sizes(LogSnapshot head) throws VerificationFailure {
    List<Long> sizes = guard(head::checkpointSizes, "checkpoints");
    if (sizes.isEmpty() || sizes.get(0) != 0) {
      throw new VerificationFailure(
          "checkpoint 0: missing (expected: the signed empty checkpoint)");
    }
    if (sizes.get(sizes.size() - 1) != head.size()) {
      throw new VerificationFailure(
          "checkpoint "
              + head.size()
              + ": the latest checkpoint is not in "
              + LogPaths.CHECKPOINTS
              + "/ (newest there: "
              + sizes.get(sizes.size() - 1)
              + ")");
    }
    return sizes;
  }

  private static SignedNote checkpoint(LogSnapshot head, LogManifest manifest, long size)
      throws VerificationFailure {
    byte[] bytes = guard(() -> head.checkpointBytes(size), "checkpoint " + size);
    try {
      SignedNote note = SignedNote.parse(bytes);
      NoteVerifier.requireSignedBy(note, manifest.logKey());
      Checkpoint c = Checkpoint.parse(note.text());
      if (!c.origin().equals(manifest.origin()) || c.size() != size) {
        throw new VerificationFailure(
            "checkpoint "
                + size
                + ": is for "
                + c.origin()
                + " at size "
                + c.size()
                + " (expected: "
                + manifest.origin()
                + " at "
                + size
                + ")");
      }
      return note;
    } catch (MalformedNoteException | NoteVerificationException e) {
      throw new VerificationFailure("checkpoint " + size + ": " + e.getMessage());
    }
  }

  private static Checkpoint parse(SignedNote note, long size) throws VerificationFailure {
    try {
      return Checkpoint.parse(note.text());
    } catch (MalformedNoteException e) {
      throw new VerificationFailure("checkpoint " + size + ": " + e.getMessage());
    }
  }

  /**
   * Every entry's content and leaf hash, and the tree over all of them, in one streaming pass: each
   * line's bytes as stored are hashed as its leaf and compared with the level-0 tile, the tree hash
   * is recomputed from the leaves keeping only its right frontier and compared with every signed
   * checkpoint's root, and every stored hash of the higher tile levels is compared with the node
   * computed from the leaves. Together these imply every entry's inclusion in every checkpoint.
   * Memory does not grow with the log. The covenant is replayed as it goes, and bundles are read
   * ahead on a second thread.
   */
  private Optional<Covenant> entries(
      LogSnapshot head, LogManifest manifest, List<Checkpoint> checkpoints)
      throws VerificationFailure {
    long size = checkpoints.get(checkpoints.size() - 1).size();
    TileNodes tiles = new TileNodes(head);
    TreeFrontier tree = new TreeFrontier(hasher, tiles);
    StoredEntryCheck storedEntry = new StoredEntryCheck();
    byte[] leaf = new byte[MerkleHasher.HASH_LENGTH];
    int nextCheckpoint = 1;
    Covenant covenant = null;
    long bundles = (size + LogPaths.TILE_WIDTH - 1) / LogPaths.TILE_WIDTH;
    try (BundleReader reader = new BundleReader(head, bundles)) {
      for (long b = 0; b < bundles; b++) {
        long bundle = b;
        long first = b * LogPaths.TILE_WIDTH;
        int expected = (int) Math.min(LogPaths.TILE_WIDTH, size - first);
        byte[] bytes = guard(reader::next, "entries");
        byte[] leaves = guard(() -> head.hashTile(0, bundle), "entry " + first);
        int line = 0;
        int start = 0;
        boolean corpus = manifest.kind() == LogKind.CORPUS;
        while (line < expected) {
          // A corpus entry that passes the fast check ends its line; only others are searched.
          int p = corpus ? storedEntry.lineEnd(bytes, start, bytes.length) : -1;
          boolean checked = p >= 0;
          if (!checked) {
            p = Newlines.next(bytes, start);
            if (p < 0) {
              break;
            }
          }
          long index = first + line;
          hasher.leafHash(bytes, start, p - start, leaf, 0);
          int slot = line * MerkleHasher.HASH_LENGTH;
          if (!Arrays.equals(leaf, 0, leaf.length, leaves, slot, slot + leaf.length)) {
            throw new VerificationFailure(
                "entry "
                    + index
                    + ": content does not match its leaf hash in the signed tree"
                    + " (entry altered, reordered, dropped or inserted)");
          }
          tree.appendLeafHash(leaf, 0);
          tiles.rethrow();
          while (nextCheckpoint < checkpoints.size()
              && checkpoints.get(nextCheckpoint).size() == tree.size()) {
            checkRoot(checkpoints.get(nextCheckpoint++), tree.root());
          }
          if (!checked) {
            covenant =
                checkContent(manifest.kind(), index, Arrays.copyOfRange(bytes, start, p), covenant);
          }
          line++;
          start = p + 1;
        }
        if (line < expected || start < bytes.length) {
          List<byte[]> lines = guard(() -> head.bundleLines(bundle), "entries");
          throw new VerificationFailure(
              "entry "
                  + (first + Math.min(expected, lines.size()))
                  + ": "
                  + (lines.size() < expected ? "missing" : "unexpected")
                  + " ("
                  + LogPaths.entryBundle(b)
                  + " holds "
                  + lines.size()
                  + " entries, the signed tree "
                  + expected
                  + ")");
        }
      }
    }
    return Optional.ofNullable(covenant);
  }

  private static void checkRoot(Checkpoint c, byte[] computed) throws VerificationFailure {
    if (!MessageDigest.isEqual(computed, c.root())) {
      throw new VerificationFailure(
          "checkpoint "
              + c.size()
              + ": signed root "
              + c.rootBase64()
              + " does not match the tree of its "
              + c.size()
              + " entries ("
              + Base64.getEncoder().encodeToString(computed)
              + ")");
    }
  }

  private static Covenant checkContent(LogKind kind, long index, byte[] entry, Covenant covenant)
      throws VerificationFailure {
    try {
      switch (kind) {
        case CORPUS -> {
          CorpusEntry e = CorpusEntry.parse(entry, "entry " + index);
          if (!Arrays.equals(CanonicalJson.bytes(e.json()), entry)) {
            throw new VerificationFailure("entry " + index + ": not canonical JSON");
          }
          return null;
        }
        case COVENANT -> {
          return covenant == null ? Covenant.genesis(entry) : covenant.amend(entry);
        }
        default -> throw new IllegalStateException(kind.id());
      }
    } catch (InvalidEntryException | InvalidCovenantException e) {
      throw new VerificationFailure(e.getMessage());
    }
  }

  private void consistency(LogSnapshot head, List<Checkpoint> checkpoints)
      throws VerificationFailure {
    MerkleVerifier verifier = new MerkleVerifier(hasher);
    for (int i = 1; i < checkpoints.size(); i++) {
      Checkpoint older = checkpoints.get(i - 1);
      Checkpoint newer = checkpoints.get(i);
      if (older.size() == 0) {
        continue;
      }
      String what = "checkpoints " + older.size() + " → " + newer.size();
      try {
        verifier.verifyConsistency(
            older.size(),
            newer.size(),
            older.root(),
            newer.root(),
            guard(() -> head.consistencyProof(older.size(), newer.size()), what));
      } catch (InvalidProofException e) {
        throw new VerificationFailure(what + ": " + e.getMessage());
      }
    }
  }

  /** A read that may meet corrupt content; corruption becomes a named verification failure. */
  interface Read<T> {
    T get() throws LogException;
  }

  static <T> T guard(Read<T> read, String what) throws VerificationFailure {
    try {
      return read.get();
    } catch (LogCorruptException e) {
      String m = e.getMessage();
      throw new VerificationFailure(
          m.startsWith("entry ") || m.startsWith("checkpoint") ? m : what + ": " + m);
    } catch (LogException e) {
      throw new VerificationFailure(what + ": " + e.getMessage());
    } catch (java.util.NoSuchElementException e) {
      throw new VerificationFailure(what + ": missing");
    }
  }
}

package io.aurelius.anchoring.log;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.merkle.MerkleHasher;
import io.aurelius.anchoring.merkle.MerkleProofs;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.SignedNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The log as of one commit: its manifest, latest checkpoint, entries, tiles, checkpoints, stamps
 * and burns. Proofs come from hash tiles, reading O(log n) tiles per proof, never the whole log.
 * Reads are checked for shape; content is trusted only after verification.
 */
public final class LogSnapshot {
  private final RevCommit commit;
  private final GitTree tree;
  private final LogManifest manifest;
  private final SignedNote latestNote;
  private final Checkpoint latest;
  private final MerkleHasher hasher = new MerkleHasher();
  private TiledHashes tiles;

  private LogSnapshot(
      RevCommit commit,
      GitTree tree,
      LogManifest manifest,
      SignedNote latestNote,
      Checkpoint latest) {
    this.commit = commit;
    this.tree = tree;
    this.manifest = manifest;
    this.latestNote = latestNote;
    this.latest = latest;
  }

  static LogSnapshot at(Repository repo, RevCommit commit, String where) throws LogException {
    requireNonNull(commit, "commit");
    GitTree tree = new GitTree(repo, commit.getTree());
    try {
      byte[] manifestBytes =
          tree.read(LogPaths.MANIFEST)
              .orElseThrow(
                  () ->
                      new NotALogException(
                          where
                              + ": no "
                              + LogPaths.MANIFEST
                              + " in commit "
                              + commit.abbreviate(10).name()
                              + " (expected: an aurelius log)"));
      LogManifest manifest = LogManifest.parse(manifestBytes, where);
      byte[] note =
          tree.read(LogPaths.LATEST_CHECKPOINT)
              .orElseThrow(
                  () ->
                      new LogCorruptException(
                          where
                              + ": no '"
                              + LogPaths.LATEST_CHECKPOINT
                              + "' file in commit "
                              + commit.abbreviate(10).name()));
      SignedNote signed;
      Checkpoint checkpoint;
      try {
        signed = SignedNote.parse(note);
        checkpoint = Checkpoint.parse(signed.text());
      } catch (MalformedNoteException e) {
        throw new LogCorruptException(where + ": latest checkpoint: " + e.getMessage());
      }
      return new LogSnapshot(commit, tree, manifest, signed, checkpoint);
    } catch (IOException e) {
      throw new LogException(
          where + ": cannot read commit " + commit.abbreviate(10).name() + ": " + e.getMessage(),
          e);
    }
  }

  public LogManifest manifest() {
    return manifest;
  }

  public ObjectId commitId() {
    return commit.getId();
  }

  public RevCommit commit() {
    return commit;
  }

  /** The first 12 hex digits of the commit id, for names a person reads. */
  public String shortCommitId() {
    return commit.getId().abbreviate(12).name();
  }

  /** Entries covered by the latest checkpoint (every entry in the log). */
  public long size() {
    return latest.size();
  }

  public Checkpoint latestCheckpoint() {
    return latest;
  }

  public SignedNote latestNote() {
    return latestNote;
  }

  /** Sizes for which a signed checkpoint is kept, ascending; ill-named files are refused. */
  public List<Long> checkpointSizes() throws LogException {
    return numbered(LogPaths.CHECKPOINTS, "");
  }

  public byte[] checkpointBytes(long size) throws LogException {
    return read(LogPaths.checkpoint(size))
        .orElseThrow(() -> new LogCorruptException("checkpoint " + size + ": missing"));
  }

  /** The entry's canonical JSON bytes. */
  public byte[] entry(long index) throws LogException {
    if (index < 0 || index >= size()) {
      throw new IllegalArgumentException(
          "entry index: " + index + " (expected: 0.." + (size() - 1) + ")");
    }
    return bundle(index / LogPaths.TILE_WIDTH).get((int) (index % LogPaths.TILE_WIDTH));
  }

  /** All entries of bundle {@code b} (256 unless it is the last), checked for count. */
  public List<byte[]> bundle(long b) throws LogException {
    long first = b * LogPaths.TILE_WIDTH;
    int expected = (int) Math.min(LogPaths.TILE_WIDTH, size() - first);
    List<byte[]> lines = bundleLines(b);
    if (lines.size() != expected) {
      long at = first + Math.min(lines.size(), expected);
      throw new LogCorruptException(
          "entry "
              + at
              + ": "
              + LogPaths.entryBundle(b)
              + " holds "
              + lines.size()
              + " entries (expected: "
              + expected
              + " for log size "
              + size()
              + ")");
    }
    return lines;
  }

  /** The bytes of bundle {@code b} as stored: lines, each ending in a newline, unchecked. */
  public byte[] bundleBytes(long b) throws LogException {
    String path = LogPaths.entryBundle(b);
    return read(path)
        .orElseThrow(
            () ->
                new LogCorruptException(
                    "entry " + b * LogPaths.TILE_WIDTH + ": bundle " + path + " is missing"));
  }

  /**
   * Hash tile {@code index} of tile level {@code level} as the latest checkpoint's tree holds it
   * (full, or partial at the right edge), checked for length.
   */
  public byte[] hashTile(int level, long index) throws LogException {
    return withTiles(
        () -> tiles().tile(level, index, TiledHashes.width(level, index, size())).clone());
  }

  /** The lines of bundle {@code b} as stored, however many there are. */
  public List<byte[]> bundleLines(long b) throws LogException {
    long first = b * LogPaths.TILE_WIDTH;
    String path = LogPaths.entryBundle(b);
    byte[] bytes = bundleBytes(b);
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    if (start != bytes.length) {
      throw new LogCorruptException(
          "entry " + (first + lines.size()) + ": " + path + " does not end in a newline");
    }
    return lines;
  }

  /** The leaf hash the tiles record for {@code index}. */
  public byte[] leafHash(long index) throws LogException {
    return withTiles(() -> tiles().hash(0, index));
  }

  public byte[] root(long treeSize) throws LogException {
    checkSize(treeSize);
    return withTiles(() -> new MerkleProofs(tiles(), hasher).root(treeSize));
  }

  public List<byte[]> inclusionProof(long index, long treeSize) throws LogException {
    checkSize(treeSize);
    return withTiles(() -> new MerkleProofs(tiles(), hasher).inclusion(index, treeSize));
  }

  public List<byte[]> consistencyProof(long size1, long size2) throws LogException {
    checkSize(size2);
    return withTiles(() -> new MerkleProofs(tiles(), hasher).consistency(size1, size2));
  }

  /** Sizes with a {@code .ots} proof. */
  public List<Long> stampedSizes() throws LogException {
    return numbered(LogPaths.STAMPS, ".ots");
  }

  /** Sizes whose stamping is pending (no calendar answered yet). */
  public List<Long> pendingStampSizes() throws LogException {
    return numbered(LogPaths.STAMPS, ".pending");
  }

  /** Entry indices with a burn record. */
  public List<Long> burnedEntries() throws LogException {
    return numbered(LogPaths.BURNS, ".json");
  }

  public Optional<byte[]> read(String path) throws LogException {
    try {
      return tree.read(path);
    } catch (IOException e) {
      throw new LogException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every file name in {@code dir} must be a padded number with {@code suffix}, or be listed as
   * stray.
   */
  private List<Long> numbered(String dir, String suffix) throws LogException {
    List<Long> out = new ArrayList<>();
    try {
      for (String name : tree.list(dir)) {
        Optional<Long> n = LogPaths.number(name, suffix);
        if (n.isPresent()) {
          out.add(n.get());
        } else if (suffix.isEmpty() || !name.matches("[0-9]{20}\\.[a-z]+")) {
          throw new LogCorruptException(
              dir + "/" + name + ": unexpected file (expected: 20-digit names)");
        }
      }
    } catch (IOException e) {
      throw new LogException(dir + ": " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  private void checkSize(long treeSize) {
    if (treeSize < 0 || treeSize > size()) {
      throw new IllegalArgumentException(
          "tree size: " + treeSize + " (expected: 0.." + size() + ")");
    }
  }

  private TiledHashes tiles() {
    if (tiles == null) {
      tiles = new TiledHashes(tree, size(), hasher);
    }
    return tiles;
  }

  private interface TileRead<T> {
    T get();
  }

  private static <T> T withTiles(TileRead<T> read) throws LogException {
    try {
      return read.get();
    } catch (TiledHashes.TileException e) {
      throw new LogCorruptException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new LogException(e.getMessage(), e.getCause());
    }
  }

  String describe() {
    return manifest.origin() + " @ " + size() + " (" + commit.getId().abbreviate(10).name() + ")";
  }

  FileSource files() {
    return tree;
  }
}

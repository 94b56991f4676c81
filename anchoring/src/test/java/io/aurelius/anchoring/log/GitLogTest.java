package io.aurelius.anchoring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.anchoring.merkle.MerkleTree;
import io.aurelius.anchoring.merkle.MerkleVerifier;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.NoteVerifier;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitLogTest {
  static final Ed25519KeyPair KEY =
      Ed25519KeyPair.fromSeed(
          new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
            25, 26, 27, 28, 29, 30, 31, 32
          });
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  static List<byte[]> entries(long from, int count) {
    List<byte[]> out = new ArrayList<>();
    for (long i = from; i < from + count; i++) {
      out.add(("{\"n\":" + i + ",\"text\":\"entry " + i + "\"}").getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void batchesMatchAnInMemoryTreeAndServeProofsFromTiles(@TempDir Path dir) throws Exception {
    MerkleTree reference = new MerkleTree();
    try (GitLog log =
        LogWriter.create(
            dir.resolve("corpus.git"), LogKind.CORPUS, "aurelius.test/corpus", KEY, CLOCK)) {
      LogWriter writer = new LogWriter(log, KEY, CLOCK);
      int[] batches = {1, 254, 1, 300, 65_000, 700};
      long size = 0;
      for (int b : batches) {
        List<byte[]> batch = entries(size, b);
        AppendResult r = writer.append(size, batch);
        batch.forEach(reference::appendData);
        size += b;
        assertThat(r.alreadyPresent()).isFalse();
        Checkpoint c = Checkpoint.parse(r.checkpoint().text());
        assertThat(c.size()).isEqualTo(size);
        assertThat(c.root()).as("root at %d", size).isEqualTo(reference.root());
      }
      LogSnapshot head = log.head();
      assertThat(head.size()).isEqualTo(size);
      assertThat(head.checkpointSizes())
          .containsExactly(0L, 1L, 255L, 256L, 556L, 65_556L, 66_256L);
      MerkleVerifier verifier = new MerkleVerifier(reference.hasher());
      for (long i : new long[] {0, 1, 255, 256, 257, 555, 65_535, 65_536, 66_255}) {
        assertThat(head.entry(i)).isEqualTo(entries(i, 1).get(0));
        assertThat(head.leafHash(i)).isEqualTo(reference.leafHash(i));
        verifier.verifyInclusion(
            i, size, reference.leafHash(i), head.inclusionProof(i, size), reference.root());
        verifier.verifyInclusion(
            i,
            65_556 > i ? 65_556 : size,
            reference.leafHash(i),
            head.inclusionProof(i, 65_556 > i ? 65_556 : size),
            reference.root(65_556 > i ? 65_556 : size));
      }
      List<Long> sizes = head.checkpointSizes();
      for (int k = 2; k < sizes.size(); k++) {
        long s1 = sizes.get(k - 1);
        long s2 = sizes.get(k);
        verifier.verifyConsistency(
            s1, s2, head.root(s1), head.root(s2), head.consistencyProof(s1, s2));
        assertThat(head.root(s1)).isEqualTo(reference.root(s1));
      }
      // Only the current partial tiles are in the tree: level 0 has 258 full tiles and one of 208.
      assertThat(head.read("tile/0/257")).isPresent();
      assertThat(head.read("tile/0/258.p/208")).isPresent();
      assertThat(head.read("tile/0/258.p/207")).isEmpty();
      assertThat(head.read("tile/1/000")).isPresent();
      assertThat(head.read("tile/1/001.p/2")).isPresent();
      assertThat(head.read("tile/2/000.p/1")).isPresent();
      assertThat(head.read("entries/258.jsonl")).isPresent();
      NoteVerifier.requireSignedBy(
          SignedNote.parse(head.checkpointBytes(256)), head.manifest().logKey());
    }
  }

  @Test
  void tenThousandEntriesAreOneCommitAndARetriedBatchIsNotAppendedTwice(@TempDir Path dir)
      throws Exception {
    try (GitLog log =
        LogWriter.create(
            dir.resolve("c.git"), LogKind.CORPUS, "aurelius.test/corpus", KEY, CLOCK)) {
      LogWriter writer = new LogWriter(log, KEY, CLOCK);
      List<byte[]> batch = entries(0, 10_000);
      AppendResult first = writer.append(0, batch);
      assertThat(commits(log)).isEqualTo(2);
      AppendResult again = writer.append(0, batch);
      assertThat(again.alreadyPresent()).isTrue();
      assertThat(again.commit()).isEqualTo(first.commit());
      assertThat(commits(log)).isEqualTo(2);
      assertThatThrownBy(() -> writer.append(0, entries(1, 10)))
          .isInstanceOf(LogConflictException.class)
          .hasMessage(
              "append at 0: entry 0 in the log differs from the batch (expected: the same batch, or start 10000)");
      assertThatThrownBy(() -> writer.append(10_001, entries(0, 1)))
          .isInstanceOf(LogConflictException.class);
      assertThatThrownBy(
              () ->
                  writer.append(
                      10_000, List.of("{\"b\":1, \"a\":2}".getBytes(StandardCharsets.UTF_8))))
          .hasMessageContaining("not a canonical JSON object");
    }
  }

  @Test
  void aCrashBeforeTheRefMovesLeavesNoPartialBatchAndRestartResumes(@TempDir Path dir)
      throws Exception {
    Path repo = dir.resolve("c.git");
    try (GitLog log = LogWriter.create(repo, LogKind.CORPUS, "aurelius.test/corpus", KEY, CLOCK)) {
      LogWriter writer = new LogWriter(log, KEY, CLOCK);
      writer.append(0, entries(0, 300));
      writer.beforePublish(
          () -> {
            throw new IllegalStateException("simulated crash");
          });
      assertThatThrownBy(() -> writer.append(300, entries(300, 500))).hasMessage("simulated crash");
    }
    try (GitLog reopened = GitLog.open(repo)) {
      assertThat(reopened.head().size()).isEqualTo(300);
      assertThat(reopened.head().checkpointSizes()).containsExactly(0L, 300L);
      AppendResult resumed = new LogWriter(reopened, KEY, CLOCK).append(300, entries(300, 500));
      assertThat(Checkpoint.parse(resumed.checkpoint().text()).size()).isEqualTo(800);
      MerkleTree reference = new MerkleTree();
      entries(0, 800).forEach(reference::appendData);
      assertThat(Checkpoint.parse(resumed.checkpoint().text()).root()).isEqualTo(reference.root());
    }
  }

  @Test
  void aRefLockLeftByAKilledWriterDoesNotBlockTheNextAppend(@TempDir Path dir) throws Exception {
    Path repo = dir.resolve("c.git");
    try (GitLog log = LogWriter.create(repo, LogKind.CORPUS, "aurelius.test/corpus", KEY, CLOCK)) {
      new LogWriter(log, KEY, CLOCK).append(0, entries(0, 10));
    }
    // What a writer killed between taking and releasing git's ref lock leaves behind.
    java.nio.file.Files.writeString(repo.resolve(GitLog.BRANCH + ".lock"), "0".repeat(40) + "\n");
    try (GitLog reopened = GitLog.open(repo)) {
      AppendResult resumed = new LogWriter(reopened, KEY, CLOCK).append(10, entries(10, 5));
      assertThat(Checkpoint.parse(resumed.checkpoint().text()).size()).isEqualTo(15);
    }
    assertThat(repo.resolve(GitLog.BRANCH + ".lock")).doesNotExist();
  }

  @Test
  void aForeignKeyCannotWriteAndANonLogIsRefused(@TempDir Path dir) throws Exception {
    try (GitLog log =
        LogWriter.create(
            dir.resolve("c.git"), LogKind.CORPUS, "aurelius.test/corpus", KEY, CLOCK)) {
      assertThatThrownBy(() -> new LogWriter(log, Ed25519KeyPair.generate(), CLOCK))
          .isInstanceOf(LogConflictException.class)
          .hasMessageContaining("is not the key of log aurelius.test/corpus");
    }
    assertThatThrownBy(() -> GitLog.open(dir.resolve("missing")))
        .isInstanceOf(NotALogException.class)
        .hasMessageEndingWith(
            "missing: no such directory (expected: a bare git repository of an aurelius log)");
    java.nio.file.Files.createDirectories(dir.resolve("plain"));
    assertThatThrownBy(() -> GitLog.open(dir.resolve("plain")))
        .isInstanceOf(NotALogException.class)
        .hasMessageContaining("not a git repository");
  }

  static int commits(GitLog log) throws Exception {
    try (RevWalk walk = new RevWalk(log.repository())) {
      walk.markStart(walk.parseCommit(log.head().commitId()));
      int n = 0;
      while (walk.next() != null) {
        n++;
      }
      return n;
    }
  }
}

package io.aurelius.anchoring.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.testing.Attacker;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of tampering is caught, and the failure names the entry, checkpoint or commit. */
class TamperTest {
  private static final Ed25519KeyPair KEY = Fixtures.key(1);
  @TempDir Path dir;
  private Path repo;

  @BeforeEach
  void threeBatches() throws Exception {
    repo = dir.resolve("corpus.git");
    try (CorpusLog corpus = CorpusLog.create(repo, Fixtures.ORIGIN, KEY, Fixtures.CLOCK)) {
      corpus.append(0, Fixtures.entries(0, 100));
      corpus.append(100, Fixtures.entries(100, 100));
      corpus.append(200, Fixtures.entries(200, 100));
    }
    assertThat(verify().lines()).last().isEqualTo("OK");
  }

  private VerificationReport verify() throws Exception {
    try (GitLog log = GitLog.open(repo)) {
      return new LogVerifier(TrustPolicy.selfDeclared(log.head().manifest()), Optional.empty())
          .verify(log);
    }
  }

  private void attack(Attack attack) throws Exception {
    try (GitLog log = GitLog.open(repo)) {
      attack.run(new Attacker(log));
    }
  }

  interface Attack {
    void run(Attacker a) throws Exception;
  }

  @Test
  void flippedByteInAnEntry() throws Exception {
    attack(a -> a.editEntry(42, line -> line.replace("Day 42", "Day 43")));
    assertThatThrownBy(this::verify)
        .isInstanceOf(VerificationFailure.class)
        .hasMessageStartingWith("entry 42: content does not match its leaf hash");
  }

  @Test
  void reorderedEntries() throws Exception {
    attack(
        a ->
            a.editBundle(
                0,
                lines -> {
                  Collections.swap(lines, 17, 18);
                  return lines;
                }));
    assertThatThrownBy(this::verify).hasMessageStartingWith("entry 17: content does not match");
  }

  @Test
  void droppedEntry() throws Exception {
    attack(
        a ->
            a.editBundle(
                0,
                lines -> {
                  lines.remove(150);
                  return lines;
                }));
    assertThatThrownBy(this::verify).hasMessageStartingWith("entry 150: content does not match");
  }

  @Test
  void droppedLastEntry() throws Exception {
    attack(a -> a.editBundle(1, lines -> lines.subList(0, lines.size() - 1)));
    assertThatThrownBy(this::verify).hasMessageStartingWith("entry 299: missing");
  }

  @Test
  void swappedBatches() throws Exception {
    attack(
        a ->
            a.editBundle(
                0,
                lines -> {
                  List<String> out = new ArrayList<>(lines.subList(0, 100));
                  out.addAll(lines.subList(200, 256));
                  out.addAll(lines.subList(100, 200));
                  return out;
                }));
    assertThatThrownBy(this::verify).hasMessageStartingWith("entry 100: content does not match");
  }

  @Test
  void recomputedTilesDoNotMatchTheSignedRoot() throws Exception {
    // A careful attacker fixes the leaf hash in the tile too; the signed roots still catch it.
    attack(
        a -> {
          a.editEntry(5, line -> line.replace("Day 5", "Day 6"));
          byte[] tile = a.read("tile/0/000").clone();
          byte[] newLine =
              new String(a.read(LogPaths.entryBundle(0)), StandardCharsets.UTF_8)
                  .split("\n")[5].getBytes(StandardCharsets.UTF_8);
          System.arraycopy(
              new io.aurelius.anchoring.merkle.MerkleHasher().leafHash(newLine),
              0,
              tile,
              5 * 32,
              32);
          a.commit(Map.of("tile/0/000", tile));
        });
    assertThatThrownBy(this::verify).hasMessageStartingWith("checkpoint 100: signed root");
  }

  @Test
  void forgedCheckpointSignature() throws Exception {
    attack(
        a -> {
          SignedNote note = SignedNote.parse(a.read(LogPaths.checkpoint(200)));
          byte[] sig = note.signatures().get(0).signature();
          sig[10] ^= 1;
          SignedNote forged =
              new SignedNote(
                  note.text(),
                  List.of(
                      new io.aurelius.anchoring.note.NoteSignature(
                          note.signatures().get(0).name(), note.signatures().get(0).keyId(), sig)));
          a.commit(Map.of(LogPaths.checkpoint(200), forged.bytes()));
        });
    assertThatThrownBy(this::verify)
        .hasMessageStartingWith("checkpoint 200: note: signature by aurelius.test/corpus+")
        .hasMessageEndingWith("does not verify");
  }

  @Test
  void checkpointSignedByAnotherKey() throws Exception {
    attack(
        a -> {
          SignedNote note = SignedNote.parse(a.read(LogPaths.LATEST_CHECKPOINT));
          SignedNote other =
              new io.aurelius.anchoring.note.NoteSigner(Fixtures.ORIGIN, Fixtures.key(9))
                  .signNote(note.text());
          a.commit(
              Map.of(
                  LogPaths.checkpoint(300),
                  other.bytes(),
                  LogPaths.LATEST_CHECKPOINT,
                  other.bytes()));
        });
    assertThatThrownBy(this::verify)
        .hasMessageStartingWith("checkpoint 300: note: no signature by aurelius.test/corpus+");
  }

  @Test
  void rewrittenHistoryWithIdenticalFiles() throws Exception {
    attack(a -> a.rewriteHistory(null));
    assertThatThrownBy(this::verify)
        .hasMessageMatching("commit [0-9a-f]{10}: commit: not signed .*history rewritten\\?\\)");
  }

  @Test
  void historyResignedWithAnotherKey() throws Exception {
    attack(a -> a.rewriteHistory(Fixtures.key(9)));
    assertThatThrownBy(this::verify)
        .hasMessageMatching("commit [0-9a-f]{10}: signed by another key, not the log key .*");
  }

  @Test
  void anUnsignedCommitOnTopIsNamed() throws Exception {
    attack(
        a ->
            a.commit(
                Map.of(
                    "stamps/00000000000000000100.pending",
                    "{}\n".getBytes(StandardCharsets.UTF_8))));
    assertThatThrownBy(this::verify)
        .hasMessageMatching("commit [0-9a-f]{10}: commit: not signed.*");
  }

  @Test
  void removedCheckpoint() throws Exception {
    attack(a -> a.commit(java.util.Collections.singletonMap(LogPaths.checkpoint(100), null)));
    // The remaining checkpoints are consistent with each other; the history still tells.
    assertThatThrownBy(this::verify)
        .hasMessageMatching("commit [0-9a-f]{10}: commit: not signed.*");
  }

  @Test
  void wrongOriginInTheTrustedKeysIsRefused() throws Exception {
    try (GitLog log = GitLog.open(repo)) {
      var other =
          new io.aurelius.anchoring.note.NoteSigner(Fixtures.ORIGIN, Fixtures.key(9)).verifierKey();
      TrustPolicy pinned =
          TrustPolicy.fromTrustedKeys(
              List.of(other.format()),
              io.aurelius.anchoring.note.StakeThreshold.TWO_THIRDS,
              "keys.txt");
      assertThatThrownBy(() -> new LogVerifier(pinned, Optional.empty()).verify(log))
          .hasMessageStartingWith("log key aurelius.test/corpus+")
          .hasMessageEndingWith("is not among the trusted keys (keys.txt)");
    }
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}

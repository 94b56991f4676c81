package io.aurelius.anchoring.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.NoteVerifier;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.anchoring.witness.WitnessRefusedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The witness keeps C2SP tlog-witness's promise on real logs: it cosigns only checkpoints
 * consistent with the largest it cosigned, and a refusal leaves its state where it was, across a
 * restart too.
 */
class WitnessTest {
  @TempDir Path dir;

  private CorpusLog log; // the honest log
  private CorpusLog other; // the same origin, other entries: a fork
  private Path stateDir;

  @BeforeEach
  void logs() throws Exception {
    log = CorpusLog.create(dir.resolve("a.git"), Fixtures.ORIGIN, Fixtures.key(1), Fixtures.CLOCK);
    other =
        CorpusLog.create(dir.resolve("b.git"), Fixtures.ORIGIN, Fixtures.key(2), Fixtures.CLOCK);
    stateDir = dir.resolve("validator").resolve("witness");
  }

  @Test
  void consistentGrowthIsCosignedAndTheStateAdvances() throws Exception {
    Witness witness = witness();
    grow(log, 3);
    SignedNote first = witness.cosign(text(log, 3), Witness.ProofSource.none());
    assertThat(latest(witness).size()).isEqualTo(3);

    grow(log, 7);
    SignedNote second = witness.cosign(text(log, 10), proof(log, 3, 10));

    assertThat(latest(witness).size()).isEqualTo(10);
    assertThat(latest(witness).root()).isEqualTo(log.head().root(10));
    for (SignedNote note : List.of(first, second)) {
      NoteVerifier.requireSignedBy(note, witness.key());
    }
    assertThat(second.text()).isEqualTo(text(log, 10));
    // the same checkpoint again (a retried request) is cosigned, and changes nothing
    witness.cosign(text(log, 10), Witness.ProofSource.none());
    assertThat(latest(witness).size()).isEqualTo(10);
  }

  @Test
  void aForkAtTheSameSizeIsRefusedAndTheStateIsUnchanged() throws Exception {
    Witness witness = witness();
    grow(log, 5);
    grow(other, 5);
    witness.cosign(text(log, 5), Witness.ProofSource.none());
    byte[] before = Files.readAllBytes(stateFile());

    assertRefused(
        witness, text(other, 5), Witness.ProofSource.none(), Reason.FORK, "fork: checkpoint ");
    assertThat(Files.readAllBytes(stateFile())).isEqualTo(before);
  }

  @Test
  void aLargerForkWithItsOwnValidProofIsRefused() throws Exception {
    Witness witness = witness();
    grow(log, 5);
    grow(other, 9);
    witness.cosign(text(log, 5), Witness.ProofSource.none());

    // the proof is a true one, of the other log: it does not lead from the root cosigned
    assertRefused(
        witness, text(other, 9), proof(other, 5, 9), Reason.INCONSISTENT, "fork or bad proof: ");
    assertThat(latest(witness).size()).isEqualTo(5);
    assertThat(latest(witness).root()).isEqualTo(log.head().root(5));
  }

  @Test
  void aRollbackIsRefusedAndTheStateIsUnchanged() throws Exception {
    Witness witness = witness();
    grow(log, 4);
    String older = text(log, 4);
    grow(log, 4);
    witness.cosign(text(log, 8), Witness.ProofSource.none());

    assertRefused(witness, older, Witness.ProofSource.none(), Reason.ROLLBACK, "rollback: ");
    assertThat(latest(witness).size()).isEqualTo(8);
  }

  @Test
  void aBadOrMissingProofIsRefusedAndTheStateIsUnchanged() throws Exception {
    Witness witness = witness();
    grow(log, 3);
    witness.cosign(text(log, 3), Witness.ProofSource.none());
    grow(log, 6);
    List<byte[]> hashes = new ArrayList<>(log.head().consistencyProof(3, 9));
    byte[] flipped = hashes.get(0).clone();
    flipped[0] ^= 1;
    hashes.set(0, flipped);

    assertRefused(
        witness,
        text(log, 9),
        Witness.ProofSource.given(new ConsistencyProof(3, hashes)),
        Reason.INCONSISTENT,
        "fork or bad proof: ");
    assertRefused(
        witness,
        text(log, 9),
        Witness.ProofSource.given(new ConsistencyProof(2, log.head().consistencyProof(2, 9))),
        Reason.OLD_SIZE,
        "(expected: 3, the size this witness cosigned)");
    assertRefused(
        witness, text(log, 9), Witness.ProofSource.none(), Reason.NO_PROOF, "no consistency");
    assertThat(latest(witness).size()).isEqualTo(3);
  }

  @Test
  void theStateSurvivesARestartOwnerOnly() throws Exception {
    grow(log, 4);
    String older = text(log, 4);
    grow(log, 4);
    grow(other, 8);
    witness().cosign(text(log, 8), Witness.ProofSource.none());

    Witness restarted = witness();
    assertThat(latest(restarted).size()).isEqualTo(8);
    assertRefused(restarted, older, Witness.ProofSource.none(), Reason.ROLLBACK, "rollback: ");
    assertRefused(restarted, text(other, 8), Witness.ProofSource.none(), Reason.FORK, "fork: ");
    grow(log, 2);
    restarted.cosign(text(log, 10), proof(log, 8, 10));
    assertThat(witness().latest(Fixtures.ORIGIN).orElseThrow().size()).isEqualTo(10);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)))
        .isEqualTo("rwx------");
    try (var files = Files.list(stateDir)) {
      assertThat(files).containsExactly(stateFile()); // no temporary left behind
    }
  }

  @Test
  void aDamagedStateIsAnErrorNotAFirstContact() throws Exception {
    Witness witness = witness();
    grow(log, 3);
    witness.cosign(text(log, 3), Witness.ProofSource.none());
    Files.writeString(stateFile(), "{\"format\": \"aurelius-witness/1\"}\n");
    grow(other, 1);

    assertThatThrownBy(() -> witness.cosign(text(other, 1), Witness.ProofSource.none()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no size or root");
  }

  private Witness witness() {
    return new Witness(
        new CosignedCheckpoints(stateDir),
        new NoteSigner("witness-1", Fixtures.key(9)),
        Fixtures.CLOCK);
  }

  private Path stateFile() {
    return new CosignedCheckpoints(stateDir).file(Fixtures.ORIGIN);
  }

  private static Checkpoint latest(Witness witness) throws IOException {
    return witness.latest(Fixtures.ORIGIN).orElseThrow();
  }

  private static void grow(CorpusLog log, int count) throws Exception {
    long size = log.head().size();
    log.append(size, Fixtures.entries(size + salt(log), count));
  }

  /** The second log's entries differ from the first's at every index. */
  private static long salt(CorpusLog log) {
    return log.log().directory().getFileName().toString().startsWith("b") ? 1000 : 0;
  }

  private static String text(CorpusLog log, long size) throws Exception {
    return SignedNote.parse(log.head().checkpointBytes(size)).text();
  }

  private static Witness.ProofSource proof(CorpusLog log, long from, long to) throws Exception {
    return Witness.ProofSource.given(
        new ConsistencyProof(from, log.head().consistencyProof(from, to)));
  }

  private static void assertRefused(
      Witness witness, String text, Witness.ProofSource proofs, Reason reason, String message) {
    assertThatThrownBy(() -> witness.cosign(text, proofs))
        .isInstanceOfSatisfying(
            WitnessRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }
}

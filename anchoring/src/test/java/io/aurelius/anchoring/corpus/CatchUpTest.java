package io.aurelius.anchoring.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.anchoring.log.Cosignature;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogCorruptException;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.StakeThreshold;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.note.WitnessQuorum;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.anchoring.verify.LogVerifier;
import io.aurelius.anchoring.verify.TrustPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of one corpus origin, one of which missed an epoch's batch (as a validator does that
 * missed the consensus wait): the lagging one catches up from the other, checked against its signed
 * checkpoint; a diverged one, or a peer whose log is not what it signed, is refused.
 */
class CatchUpTest {
  @TempDir Path dir;

  private CorpusLog peer;
  private CorpusLog mine;

  @BeforeEach
  void replicas() throws Exception {
    peer =
        CorpusLog.create(dir.resolve("peer.git"), Fixtures.ORIGIN, Fixtures.key(1), Fixtures.CLOCK);
    mine =
        CorpusLog.create(dir.resolve("mine.git"), Fixtures.ORIGIN, Fixtures.key(2), Fixtures.CLOCK);
  }

  @AfterEach
  void close() {
    peer.close();
    mine.close();
  }

  @Test
  void aReplicaThatMissedAnEpochCatchesUpAndThenAppendsAlike() throws Exception {
    peer.append(0, Fixtures.entries(0, 3)); // epoch 1: both agreed
    mine.append(0, Fixtures.entries(0, 3));
    peer.append(3, Fixtures.entries(3, 300)); // epoch 2: mine missed the consensus wait

    long appended = new CatchUp().from(mine, peer.head(), peerKey());

    assertThat(appended).isEqualTo(300);
    assertThat(mine.head().size()).isEqualTo(303);
    assertThat(mine.head().root(303)).isEqualTo(peer.head().root(303));
    // the next epoch's identical batch lands at the same index on both: the replicas agree again
    peer.append(303, Fixtures.entries(303, 2));
    mine.append(303, Fixtures.entries(303, 2));
    assertThat(mine.head().root(305)).isEqualTo(peer.head().root(305));
    // nothing to do when not behind
    assertThat(new CatchUp().from(mine, peer.head(), peerKey())).isZero();
  }

  @Test
  void itStopsAtTheLastSignedCheckpointBeforeAnEntryItMustNotTake() throws Exception {
    peer.append(0, Fixtures.entries(0, 3)); // an epoch this replica missed
    peer.append(3, Fixtures.entries(3, 4)); // the epoch it is about to anchor itself

    long appended =
        new CatchUp().from(mine, peer.head(), peerKey(), e -> fixtureNumber(e) < 5); // admits 0..4

    assertThat(appended).isEqualTo(3); // checkpoint 3, not 5: entries 3, 4 are not alone at 5
    assertThat(mine.head().root(3)).isEqualTo(peer.head().root(3));
  }

  @Test
  void anEmptyReplicaCatchesUpFromNothing() throws Exception {
    peer.append(0, Fixtures.entries(0, 5));

    assertThat(new CatchUp().from(mine, peer.head(), peerKey())).isEqualTo(5);
    assertThat(mine.head().root(5)).isEqualTo(peer.head().root(5));
  }

  @Test
  void aDivergedReplicaIsRefusedAndLeftAsItIs() throws Exception {
    peer.append(0, Fixtures.entries(0, 4));
    mine.append(0, Fixtures.entries(0, 2));
    mine.append(2, Fixtures.entries(50, 1)); // another entry at index 2
    byte[] before = mine.head().root(3);

    assertThatThrownBy(() -> new CatchUp().from(mine, peer.head(), peerKey()))
        .isInstanceOf(ReplicaDivergedException.class)
        .hasMessageStartingWith("replica diverged: this replica's checkpoint 3 ")
        .hasMessageContaining("is not a prefix of the peer's signed checkpoint 4 ");
    assertThat(mine.head().size()).isEqualTo(3);
    assertThat(mine.head().root(3)).isEqualTo(before);
  }

  @Test
  void aCheckpointNotSignedByThePeersKeyIsRefused() throws Exception {
    peer.append(0, Fixtures.entries(0, 4));
    var stranger = new NoteSigner(Fixtures.ORIGIN, Fixtures.key(7)).verifierKey();

    assertThatThrownBy(() -> new CatchUp().from(mine, peer.head(), stranger))
        .isInstanceOf(LogCorruptException.class)
        .hasMessageStartingWith("peer checkpoint 4: note: no signature by ");
    assertThat(mine.head().size()).isZero();
  }

  /**
   * Validator "mine" missed the consensus wait of epoch 2 and appended a subset of its batch; the
   * peer's checkpoint carries a witness quorum. The repair sets the subset aside (in a quarantine
   * file and a kept ref) and catches up; the repaired replica verifies and appends alike again.
   */
  @Test
  void aReplicaThatAppendedASubsetRepairsAgainstAQuorumCosignedCheckpoint() throws Exception {
    peer.append(0, Fixtures.entries(0, 3)); // epoch 1: both agreed
    mine.append(0, Fixtures.entries(0, 3));
    peer.append(3, Fixtures.entries(3, 4)); // epoch 2: entries 3..6
    mine.append(3, List.of(Fixtures.entries(4, 1).get(0), Fixtures.entries(6, 1).get(0)));
    NoteSigner w1 = new NoteSigner("witness-1", Fixtures.key(11));
    NoteSigner w2 = new NoteSigner("witness-2", Fixtures.key(12));
    NoteSigner w3 = new NoteSigner("witness-3", Fixtures.key(13));
    WitnessQuorum quorum =
        new WitnessQuorum(
            Map.of(w1.cosignerKey(), 40L, w2.cosignerKey(), 30L, w3.cosignerKey(), 30L),
            StakeThreshold.TWO_THIRDS);
    assertThatThrownBy(() -> new CatchUp().from(mine, peer.head(), peerKey()))
        .isInstanceOf(ReplicaDivergedException.class);
    byte[] divergedRoot = mine.head().root(5);

    // One witness (40 of 100) is not a quorum: nothing changes.
    cosign(peer, 7, w1);
    Path quarantine = dir.resolve("quarantine");
    assertThatThrownBy(
            () -> new CatchUp().repair(mine, peer.head(), peerKey(), quorum, e -> true, quarantine))
        .isInstanceOf(ReplicaDivergedException.class)
        .hasMessageContaining("not repaired: the peer's checkpoint 7 is not cosigned");
    assertThat(mine.head().size()).isEqualTo(5);
    assertThat(quarantine).doesNotExist();

    cosign(peer, 7, w2); // 70 of 100
    CatchUp.Repair repair =
        new CatchUp().repair(mine, peer.head(), peerKey(), quorum, e -> true, quarantine);

    assertThat(repair.prefix()).isEqualTo(3);
    assertThat(repair.diverged()).isEqualTo(5);
    assertThat(repair.appended()).isEqualTo(4);
    assertThat(mine.head().size()).isEqualTo(7);
    assertThat(mine.head().root(7)).isEqualTo(peer.head().root(7));
    // kept, not deleted: the two entries it had accepted, its diverged checkpoint, its commits
    assertThat(Files.readAllLines(repair.quarantined()))
        .containsExactly(
            new String(Fixtures.entries(4, 1).get(0).bytes(), StandardCharsets.UTF_8),
            new String(Fixtures.entries(6, 1).get(0).bytes(), StandardCharsets.UTF_8));
    assertThat(
            repair
                .quarantined()
                .resolveSibling(
                    repair.quarantined().getFileName().toString().replace(".jsonl", ".checkpoint")))
        .exists();
    var keptHead = mine.log().repository().exactRef(repair.ref()).getObjectId();
    assertThat(mine.log().at(keptHead).root(5)).isEqualTo(divergedRoot);
    // the repaired replica is a valid log, and appends alike with the peer again
    try (GitLog log = GitLog.open(dir.resolve("mine.git"))) {
      assertThat(
              new LogVerifier(TrustPolicy.selfDeclared(log.head().manifest()), Optional.empty())
                  .verify(log)
                  .lines())
          .last()
          .isEqualTo("OK");
    }
    peer.append(7, Fixtures.entries(7, 2));
    mine.append(7, Fixtures.entries(7, 2));
    assertThat(mine.head().root(9)).isEqualTo(peer.head().root(9));
  }

  private static void cosign(CorpusLog corpus, long size, NoteSigner... witnesses)
      throws Exception {
    String text = SignedNote.parse(corpus.head().checkpointBytes(size)).text();
    List<Cosignature> lines = new ArrayList<>();
    for (NoteSigner w : witnesses) {
      lines.add(new Cosignature(w.cosignerKey(), w.cosign(text, 1_700_000_050L)));
    }
    corpus.writer().addCosignatures(size, lines);
  }

  private static long fixtureNumber(CorpusEntry e) {
    return Long.parseLong(e.json().path("aene").path("id").asText(), 16) - 1;
  }

  private VerifierKey peerKey() throws Exception {
    return peer.head().manifest().logKey();
  }
}

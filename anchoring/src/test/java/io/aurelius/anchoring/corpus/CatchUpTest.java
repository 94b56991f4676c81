package io.aurelius.anchoring.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.anchoring.log.LogCorruptException;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.testing.Fixtures;
import java.nio.file.Path;
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

  private static long fixtureNumber(CorpusEntry e) {
    return Long.parseLong(e.json().path("aene").path("id").asText(), 16) - 1;
  }

  private VerifierKey peerKey() throws Exception {
    return peer.head().manifest().logKey();
  }
}

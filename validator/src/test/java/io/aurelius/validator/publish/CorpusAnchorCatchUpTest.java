package io.aurelius.validator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.corpus.CatchUp;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.ReplicaDivergedException;
import io.aurelius.anchoring.note.KeyType;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.StakeThreshold;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.note.WitnessQuorum;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator whose replica missed an epoch's batch clones the peer's published corpus with git and
 * catches up, checked against the peer's signed checkpoint, leaving no scratch clone behind.
 */
class CorpusAnchorCatchUpTest {
  private static final String ORIGIN = "aurelius.test/corpus";

  @TempDir Path dir;

  private final Ed25519KeyPair peerKey = Ed25519KeyPair.generate();
  private CorpusAnchor peer;
  private CorpusAnchor mine;

  @BeforeEach
  void replicas() throws Exception {
    peer = CorpusAnchor.open(dir.resolve("a/corpus.git"), ORIGIN, peerKey, Clock.systemUTC());
    mine =
        CorpusAnchor.open(
            dir.resolve("b/corpus.git"), ORIGIN, Ed25519KeyPair.generate(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    peer.close();
    mine.close();
  }

  @Test
  void aLaggingReplicaCatchesUpFromThePeersGitRepository() throws Exception {
    peer.append(0, entries(0, 2));
    mine.append(0, entries(0, 2));
    peer.append(2, entries(2, 5)); // the epoch this validator missed

    long appended = mine.catchUpFrom(url(), peerLogKey());

    assertThat(appended).isEqualTo(5);
    assertThat(mine.size()).isEqualTo(7);
    assertThat(mine.root(7)).contains(peer.root(7).orElseThrow());
    assertThat(mine.latest().orElseThrow()).startsWith(ORIGIN + "\n7\n");
    try (var left = Files.list(dir.resolve("b"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("corpus.git");
    }
  }

  @Test
  void aDivergedReplicaIsNotRewritten() throws Exception {
    peer.append(0, entries(0, 4));
    mine.append(0, entries(10, 2));

    assertThatThrownBy(() -> mine.catchUpFrom(url(), peerLogKey()))
        .isInstanceOf(ReplicaDivergedException.class)
        .hasMessageContaining("is not a prefix of the peer's signed checkpoint 4 ");
    assertThat(mine.size()).isEqualTo(2);
  }

  /**
   * This validator missed the consensus wait and appended a subset of the epoch's batch; the peer's
   * checkpoint is cosigned by witnesses holding 2/3 of the stake. The repair clones the peer, sets
   * the subset aside beside the corpus and catches up; no scratch clone is left.
   */
  @Test
  void aReplicaThatAppendedASubsetIsRepairedFromTheQuorumCosignedPeer() throws Exception {
    peer.append(0, entries(0, 2));
    mine.append(0, entries(0, 2));
    peer.append(2, entries(2, 3)); // epoch 2's batch: 2, 3, 4
    mine.append(2, entries(3, 1)); // only entry 3: this validator missed the consensus wait
    NoteSigner w1 = new NoteSigner("5Witness1", Ed25519KeyPair.generate());
    NoteSigner w2 = new NoteSigner("5Witness2", Ed25519KeyPair.generate());
    String text = peer.checkpoint(5).text();
    for (NoteSigner w : List.of(w1, w2)) {
      SignedNote line = new SignedNote(text, List.of(w.cosign(text, 1_700_000_000L)));
      peer.addCosignature(5, w.cosignerKey().format(), line.format());
    }
    WitnessQuorum quorum =
        new WitnessQuorum(
            Map.of(w1.cosignerKey(), 400L, w2.cosignerKey(), 300L), 300, StakeThreshold.TWO_THIRDS);

    CatchUp.Repair repair = mine.repairFrom(url(), peerLogKey(), quorum, e -> true);

    assertThat(repair.prefix()).isEqualTo(2);
    assertThat(repair.appended()).isEqualTo(3);
    assertThat(mine.size()).isEqualTo(5);
    assertThat(mine.root(5)).contains(peer.root(5).orElseThrow());
    assertThat(repair.quarantined().getParent()).isEqualTo(mine.quarantine());
    assertThat(Files.readAllLines(repair.quarantined()))
        .containsExactly(new String(entries(3, 1).get(0).bytes(), StandardCharsets.UTF_8));
    try (var left = Files.list(dir.resolve("b"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("corpus.git", "corpus-quarantine");
    }
  }

  private String url() {
    return dir.resolve("a/corpus.git").toUri().toString();
  }

  private VerifierKey peerLogKey() {
    return VerifierKey.of(ORIGIN, KeyType.ED25519, peerKey.publicKey());
  }

  private static List<CorpusEntry> entries(long from, int count) throws Exception {
    List<CorpusEntry> out = new ArrayList<>();
    for (long n = from; n < from + count; n++) {
      ObjectNode e = Json.newObject().put("schema", CorpusEntry.SCHEMA);
      e.putObject("aene")
          .put("id", String.format("%064x", n + 1))
          .put("observation", "observation " + n)
          .put("reasoning", "reasoning " + n)
          .put("action", "action " + n);
      e.putObject("provenance").putObject("model").put("name", "sim").put("simulated", true);
      e.putObject("verdict").put("dlv", 0.8);
      out.add(CorpusEntry.of(e, "entry " + n));
    }
    return out;
  }
}

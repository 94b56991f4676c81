package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.transport.PeerEndpoint;
import org.junit.jupiter.api.Test;

/**
 * What the cosign step takes from a peer that is ahead: only entries of epochs it has anchored
 * itself, so the batch of its next epoch is never taken from the peer and then appended again.
 */
class CosignStepCatchUpTest {
  @Test
  void onlyEntriesOfEpochsUpToThisOneAreTaken() throws Exception {
    var upTo = CosignStep.anchoredBy(4);

    assertThat(upTo.test(entry(Json.newObject().put("epoch", 3)))).isTrue();
    assertThat(upTo.test(entry(Json.newObject().put("epoch", 4)))).isTrue();
    assertThat(upTo.test(entry(Json.newObject().put("epoch", 5)))).isFalse();
    assertThat(upTo.test(entry(Json.newObject().put("epoch", "4")))).isFalse();
    assertThat(upTo.test(entry(Json.newObject()))).isFalse();
  }

  @Test
  void aPeersCorpusIsItsGitMount() {
    KeyId hotkey = KeyId.of(Sr25519KeyPair.generate().publicKey());
    assertThat(CosignStep.corpusUrl(new PeerEndpoint("10.0.0.2", 8092, hotkey, KeyScheme.SR25519)))
        .isEqualTo("http://10.0.0.2:8092/git/corpus.git");
    assertThat(CosignStep.corpusUrl(new PeerEndpoint("::1", 8092, hotkey, KeyScheme.SR25519)))
        .isEqualTo("http://[::1]:8092/git/corpus.git");
  }

  private static CorpusEntry entry(ObjectNode provenance) throws Exception {
    ObjectNode e = Json.newObject().put("schema", CorpusEntry.SCHEMA);
    e.putObject("aene")
        .put("id", String.format("%064x", 1))
        .put("observation", "o")
        .put("reasoning", "r")
        .put("action", "a");
    provenance.putObject("model").put("name", "sim").put("simulated", true);
    e.set("provenance", provenance);
    e.putObject("verdict").put("dlv", 0.8);
    return CorpusEntry.of(e, "entry");
  }
}

package io.aurelius.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.covenant.AmendmentProposal;
import io.aurelius.anchoring.covenant.AmendmentTally;
import io.aurelius.anchoring.covenant.AmendmentVote;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.outcome.OutcomeLens;
import io.aurelius.worldmodel.outcome.RunOutcome;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recalibrating the ULFR weights: a proposal (new α, β, γ, δ with its regret evidence) is a
 * covenant amendment, adopted by a 2/3 stake-weighted vote of validators; scores made under the new
 * covenant use and name the new version.
 */
class UlfrRecalibrationTest {
  private static final Ed25519KeyPair A = key(1);
  private static final Ed25519KeyPair B = key(2);
  private static final Ed25519KeyPair C = key(3);
  private static final Ed25519KeyPair OUTSIDER = key(4);
  private static final Map<KeyId, Long> STAKES = Map.of(id(A), 50L, id(B), 30L, id(C), 20L);
  private static final UlfrWeights V2 =
      new UlfrWeights("ulfr-v2", 0.30, 0.35, 0.20, 0.15, 0.5, 0.5, 0.5);

  @Test
  void aRecalibrationIsAdoptedAtTwoThirdsOfStakeAndScoresAfterwardsNameTheNewVersion()
      throws Exception {
    Covenant genesis = genesis();
    assertThat(UlfrWeights.fromCovenant(genesis.parameters())).isEqualTo(UlfrWeights.V1);
    AmendmentProposal proposal = proposal(genesis);

    AmendmentVote a = AmendmentVote.sign(proposal.id(), true, A);
    AmendmentVote bNo = AmendmentVote.sign(proposal.id(), false, B);
    AmendmentVote cYes = AmendmentVote.sign(proposal.id(), true, C);
    AmendmentVote outsider = AmendmentVote.sign(proposal.id(), true, OUTSIDER);
    AmendmentVote forged =
        new AmendmentVote(proposal.id(), id(B), bNo.scheme(), true, bNo.signature());
    AmendmentVote elsewhere = AmendmentVote.sign(genesis.latest(), true, B);

    var half =
        AmendmentTally.tally(
            genesis, proposal, List.of(a, outsider, forged, elsewhere, a), STAKES, 2, 3);
    assertThat(half.approving()).as("only A's 50 counts, once").isEqualTo(50);
    assertThat(half.adopted()).isFalse();
    var withB = AmendmentTally.tally(genesis, proposal, List.of(bNo, a), STAKES, 2, 3);
    assertThat(withB.approving()).as("B's no counts as no").isEqualTo(50);
    assertThat(withB.adopted()).isFalse();

    var adopted = AmendmentTally.tally(genesis, proposal, List.of(a, bNo, cYes), STAKES, 2, 3);
    assertThat(adopted.approving()).as("70 of 100 >= 2/3").isEqualTo(70);
    Covenant after = adopted.covenant().orElseThrow();
    assertThat(after.entries()).isEqualTo(2);
    UlfrWeights inForce = UlfrWeights.fromCovenant(after.parameters());
    assertThat(inForce).isEqualTo(V2);
    RunOutcome run = new RunOutcome(0.64, 0.82, 0.1, 0.1, List.of(), 0, false, true);
    assertThat(OutcomeLens.score(List.of(run), inForce).weights()).isEqualTo("ulfr-v2");
    assertThat(Covenant.replay(List.of(genesisBytes(), proposal.entry())).parameters())
        .as("the adopted entry replays to the same covenant")
        .isEqualTo(after.parameters());

    assertThatThrownBy(() -> AmendmentTally.tally(after, proposal, List.of(a, cYes), STAKES, 2, 3))
        .as("an amendment of an earlier covenant cannot be adopted twice")
        .isInstanceOf(InvalidCovenantException.class)
        .hasMessageContaining("amends");
  }

  private static AmendmentProposal proposal(Covenant current) throws InvalidCovenantException {
    ObjectNode parameters = Json.newObject();
    parameters.set("ulfr", V2.toCovenant());
    ObjectNode evidence =
        Json.newObject()
            .put("metric", "regret")
            .put("description", "mean regret of ulfr-v1 against labelled outcomes, epochs 10..40")
            .put("current", 0.21)
            .put("proposed", 0.14);
    return AmendmentProposal.of(
        current, "Recalibrate the ULFR weights to ulfr-v2 (lower regret).", parameters, evidence);
  }

  private static byte[] genesisBytes() {
    ObjectNode g =
        Json.newObject()
            .put("schema", Covenant.SCHEMA)
            .put("type", "genesis")
            .put("purpose", "An open, verifiable corpus of moral reasoning.");
    g.putArray("corpusCriteria").add("approved by a 2/3 stake quorum of validators");
    g.putObject("parameters").put("dlvThreshold", 0.4);
    return CanonicalJson.bytes(g);
  }

  private static Covenant genesis() throws InvalidCovenantException {
    return Covenant.genesis(genesisBytes());
  }

  private static KeyId id(Ed25519KeyPair k) {
    return KeyId.of(k.publicKey());
  }

  private static Ed25519KeyPair key(int label) {
    byte[] seed = new byte[32];
    seed[0] = (byte) (label + 40);
    return Ed25519KeyPair.fromSeed(seed);
  }
}

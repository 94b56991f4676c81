package io.aurelius.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.Framing;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.worldmodel.outcome.Ulfr;
import io.aurelius.worldmodel.transcript.Aene;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A proposal carries the ULFR lens of the aene's run: it round-trips, is optional (a proposal
 * without it reads as before), and is read strictly.
 */
class ProposalOutcomeTest {
  private static final Ed25519KeyPair KEY = Ed25519KeyPair.fromSeed(new byte[32]);
  private static final Ulfr LENS = new Ulfr(0.82, 0.91, 0.15, 0.2, 0.509, "ulfr-v1", 1, 0, 0, 0);

  @Test
  void theRunsLensRoundTripsAndIsOptional() {
    Aene a = aene();
    KeyId me = KeyId.of(KEY.publicKey());
    SignedVerdict v = SignedVerdict.sign(1, a.id().hex(), me, me, true, 0.6, 0.7, KEY);
    Proposal with = new Proposal(a, v, Optional.of(LENS));
    Proposal read = Proposal.fromJson(with.toJson(), "p");
    assertThat(read.outcome()).hasValue(LENS);
    assertThat(read.toJson()).isEqualTo(with.toJson());
    assertThat(with.toJson().path("outcome").path("score").asDouble()).isEqualTo(0.509);
    Proposal without = new Proposal(a, v);
    assertThat(without.toJson().has("outcome")).isFalse();
    assertThat(Proposal.fromJson(without.toJson(), "p").outcome()).isEmpty();

    ObjectNode bad = with.toJson();
    ((ObjectNode) bad.get("outcome")).put("u", 3);
    assertThatThrownBy(() -> Proposal.fromJson(bad, "p"))
        .hasMessage("p.outcome.u: 3 (expected: a number in 0..1)");
  }

  private static Aene aene() {
    return new Aene(
        ContentId.of(new byte[] {1}),
        "reef",
        "Mara",
        1,
        Framing.IMMERSIVE,
        7,
        "You are Mara.",
        "The reef is failing.",
        "I weigh what she needs against what the village needs, and share.",
        "share",
        Map.of("bushels", 2),
        true,
        Optional.empty(),
        List.of(),
        "sim",
        true,
        10,
        20);
  }
}

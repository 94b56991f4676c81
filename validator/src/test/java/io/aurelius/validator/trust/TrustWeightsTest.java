package io.aurelius.validator.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.model.Framing;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.validator.consensus.Decision;
import io.aurelius.validator.consensus.Proposal;
import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.consensus.SignedVerdict;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.worldmodel.transcript.Aene;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust in the quorum: weight = stake × f(trust), f bounded; and trust kept across a restart. */
class TrustWeightsTest {
  private static final Ed25519KeyPair H = key(1);
  private static final Ed25519KeyPair D = key(2);

  @Test
  void weightIsStakeTimesABoundedFactorOfTrustRelativeToTheSetsMean() {
    ValidatorSet set = new ValidatorSet(Map.of(id(H), 100L, id(D), 100L));
    TrustBook book =
        new TrustBook(
            Map.of(id(H).address(), -1 + Math.log(1.5), id(D).address(), -1 - Math.log(1.5)));
    var w = TrustWeights.of(set, book, TrustPolicy.DEFAULT);
    assertThat(w.of(id(H))).as("e^(ln 1.5) above the mean").isEqualTo(BigInteger.valueOf(150_000));
    assertThat(w.of(id(D))).isEqualTo(BigInteger.valueOf(66_700));
    var apart =
        TrustWeights.of(
            set,
            new TrustBook(Map.of(id(H).address(), 40.0, id(D).address(), -9.0)),
            TrustPolicy.DEFAULT);
    assertThat(apart.of(id(H))).as("the ceiling").isEqualTo(BigInteger.valueOf(200_000));
    assertThat(apart.of(id(D)))
        .as("the floor: never silenced")
        .isEqualTo(BigInteger.valueOf(25_000));
    var same =
        TrustWeights.of(
            set,
            new TrustBook(Map.of(id(H).address(), -7.0, id(D).address(), -7.0)),
            TrustPolicy.DEFAULT);
    assertThat(same.of(id(H))).as("equal trust: stake").isEqualTo(BigInteger.valueOf(100_000));
    assertThat(TrustWeights.factors(set, TrustBook.empty(), TrustPolicy.DEFAULT))
        .containsValues(1.0, 1.0);
  }

  @Test
  void anUntrustedValidatorsApprovalNoLongerCarriesTheQuorumAndAHonestOneAloneMay() {
    ValidatorSet set = new ValidatorSet(Map.of(id(H), 100L, id(D), 100L));
    Aene aene = aene();
    String id = aene.id().hex();
    Proposal p = new Proposal(aene, SignedVerdict.sign(1, id, id(D), id(D), true, 0.5, 0.99, D));
    Map<String, Proposal> proposals = Map.of(id, p);
    Map<String, List<SignedVerdict>> onlyD =
        Map.of(id, List.of(SignedVerdict.sign(1, id, id(D), id(D), true, 0.5, 0.99, D)));
    Map<String, List<SignedVerdict>> onlyH =
        Map.of(id, List.of(SignedVerdict.sign(1, id, id(D), id(D), true, 0.5, 0.8, H)));
    Quorum q = Quorum.TWO_THIRDS;
    assertThat(Decision.decide(proposals, onlyD, set, q).accepted()).isEmpty();
    assertThat(Decision.decide(proposals, onlyH, set, q).accepted()).isEmpty();
    TrustBook book = new TrustBook(Map.of(id(H).address(), 2.0, id(D).address(), -2.0));
    var weights = TrustWeights.of(set, book, TrustPolicy.DEFAULT);
    assertThat(Decision.decide(proposals, onlyH, set, q, weights).accepted()).hasSize(1);
    assertThat(Decision.decide(proposals, onlyD, set, q, weights).accepted()).isEmpty();
  }

  @Test
  void trustIsKeptInTheStateStoreAcrossARestart(@TempDir Path dir) {
    TrustBook book = new TrustBook(Map.of(id(H).address(), 0.405, id(D).address(), -1.792));
    try (ValidatorStore store = ValidatorStore.open(dir.resolve("state.db"))) {
      store.putState("validator-trust", book.toBytes());
    }
    try (ValidatorStore store = ValidatorStore.open(dir.resolve("state.db"))) {
      assertThat(store.state("validator-trust").map(TrustBook::fromBytes)).hasValue(book);
    }
  }

  @Test
  void badSettingsAreOneLine() {
    assertThatThrownBy(() -> new TrustPolicy(1, 0.1, 0, 2))
        .hasMessage("trust-weight-floor: 0.0 (expected: 0 < floor <= 1)");
    assertThatThrownBy(() -> new TrustPolicy(0, 0.1, 0.25, 2))
        .hasMessage("trust-rate: 0.0 (expected: 0 < rate <= 10)");
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

  private static KeyId id(Ed25519KeyPair key) {
    return KeyId.of(key.publicKey());
  }

  private static Ed25519KeyPair key(int label) {
    byte[] seed = new byte[32];
    seed[0] = (byte) label;
    return Ed25519KeyPair.fromSeed(seed);
  }
}

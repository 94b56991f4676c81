package io.aurelius.validator.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.validator.consensus.SignedVerdict;
import io.aurelius.validator.consensus.ValidatorSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proof of Trust's log-score update, on the seed's worked example and on four kinds of voter. */
class TrustUpdateTest {
  private static final Ed25519KeyPair A = key(1);
  private static final Ed25519KeyPair B = key(2);
  private static final Ed25519KeyPair C = key(3);
  private static final Ed25519KeyPair D = key(4);
  private static final KeyId MINER = KeyId.of(key(9).publicKey());

  @Test
  void theSeedsThreeVoterExampleMovesTrustBy405Minus182AndMinus1792MilliTrust() {
    ValidatorSet set = new ValidatorSet(Map.of(id(A), 50L, id(B), 25L, id(C), 25L));
    String aene = "0".repeat(64);
    Map<String, List<SignedVerdict>> verdicts =
        Map.of(aene, List.of(verdict(aene, A, 0.9), verdict(aene, B, 0.5), verdict(aene, C, 0.1)));
    assertThat(TrustUpdate.market(verdicts.get(aene), set)).isCloseTo(0.6, within(1e-12));

    TrustUpdate.Result r =
        TrustUpdate.apply(TrustBook.empty(), verdicts, List.of(aene), set, TrustPolicy.DEFAULT);

    assertThat(milli(r.after().of(id(A).address()))).isEqualTo(405);
    assertThat(milli(r.after().of(id(B).address()))).isEqualTo(-182);
    assertThat(milli(r.after().of(id(C).address()))).isEqualTo(-1792);
    assertThat(TrustUpdate.change(0.9, 0.6, true, 1)).isCloseTo(Math.log(0.9 / 0.6), within(1e-12));
  }

  @Test
  void alwaysYesAlwaysOppositeAndMarketCopyingEndWhereTheLogScoreSays() {
    // Four equal-stake validators on 400 aenes whose chance of acceptance is known to the honest
    // one: it reports it; one always says yes; one says the opposite of what happens; one reports
    // the mean of the other three, which is then the market, so it gains nothing, ever.
    ValidatorSet set = new ValidatorSet(Map.of(id(A), 1L, id(B), 1L, id(C), 1L, id(D), 1L));
    Random random = new Random(17);
    TrustBook book = TrustBook.empty();
    for (int i = 0; i < 400; i++) {
      String aene = String.format("%064x", i);
      double truth = 0.05 + 0.9 * random.nextDouble();
      boolean accepted = random.nextDouble() < truth;
      double honest = truth;
      double yes = 0.99;
      double opposite = accepted ? 0.01 : 0.99;
      double copier = (honest + yes + opposite) / 3;
      List<SignedVerdict> vs =
          List.of(
              verdict(aene, A, honest),
              verdict(aene, B, yes),
              verdict(aene, C, opposite),
              verdict(aene, D, copier));
      book =
          TrustUpdate.apply(
                  book,
                  Map.of(aene, vs),
                  accepted ? List.of(aene) : List.of(),
                  set,
                  TrustPolicy.DEFAULT)
              .after();
    }
    double honest = book.of(id(A).address());
    double yes = book.of(id(B).address());
    double opposite = book.of(id(C).address());
    double copier = book.of(id(D).address());
    assertThat(copier).as("the market copier").isCloseTo(0, within(1e-3));
    assertThat(honest).as("the honest forecaster").isGreaterThan(50);
    assertThat(yes).as("always yes").isLessThan(-50);
    assertThat(opposite).as("always opposite").isLessThan(yes);
    TrustPolicy p = TrustPolicy.DEFAULT;
    assertThat(p.factor(honest)).isEqualTo(2.0);
    assertThat(p.factor(yes)).isEqualTo(0.25);
    assertThat(p.factor(opposite)).isEqualTo(0.25);
    assertThat(p.factor(copier)).isCloseTo(1.0, within(1e-2));
  }

  @Test
  void positiveTrustDecaysWithoutParticipationAndNegativeTrustDoesNot() {
    ValidatorSet set = new ValidatorSet(Map.of(id(A), 1L, id(B), 1L, id(C), 1L));
    TrustBook book =
        new TrustBook(Map.of(id(A).address(), 1.0, id(B).address(), -1.0, id(C).address(), 1.0));
    String aene = "1".repeat(64);
    TrustUpdate.Result r =
        TrustUpdate.apply(
            book,
            Map.of(aene, List.of(verdict(aene, C, 0.7))),
            List.of(aene),
            set,
            TrustPolicy.DEFAULT);
    assertThat(r.after().of(id(A).address())).isCloseTo(0.9, within(1e-12));
    assertThat(r.after().of(id(B).address())).isEqualTo(-1.0);
    assertThat(r.after().of(id(C).address())).as("a lone voter is the market").isEqualTo(1.0);
    TrustUpdate.Result idle =
        TrustUpdate.apply(book, Map.of(), List.of(), set, TrustPolicy.DEFAULT);
    assertThat(idle.after()).as("no proposals, nothing to take part in").isEqualTo(book);
  }

  @Test
  void aVerdictWithoutAForecastCountsAsItsYesOrNoAtTheClamp() {
    ValidatorSet set = new ValidatorSet(Map.of(id(A), 1L, id(B), 1L));
    String aene = "2".repeat(64);
    List<SignedVerdict> vs = new ArrayList<>();
    vs.add(SignedVerdict.sign(3, aene, id(A), MINER, true, 0.8, A));
    vs.add(verdict(aene, B, 0.5));
    Map<String, List<SignedVerdict>> m = new HashMap<>();
    m.put(aene, vs);
    TrustUpdate.Result r =
        TrustUpdate.apply(TrustBook.empty(), m, List.of(), set, TrustPolicy.DEFAULT);
    assertThat(r.after().of(id(A).address())).isCloseTo(Math.log(0.01 / 0.255), within(1e-12));
  }

  private static long milli(double trust) {
    return Math.round(trust * 1000);
  }

  private static SignedVerdict verdict(String aene, Ed25519KeyPair by, double q) {
    return SignedVerdict.sign(3, aene, id(A), MINER, q >= 0.5, 0.5, q, by);
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

package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aurelius.core.chain.Weights;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The module authors' share is taken off the miners' scores and paid to the authors' UIDs; an
 * author outside the metagraph is not paid and takes nothing.
 */
class WeightStepModuleShareTest {
  private final KeyId author = key();
  private final MetagraphSnapshot graph =
      new MetagraphSnapshot(
          1,
          1,
          List.of(
              member(0, key(), "validator"),
              member(1, key(), "miner"),
              member(2, key(), "miner"),
              member(3, author, "miner")));
  private final Records.Scored scored =
      new Records.Scored(List.of(row(1, 0.6), row(2, 0.3)), Map.of(), 0, List.of());

  @Test
  void theAuthorOfAnAdoptedModuleGetsTheShareAndTheMinersTheRest() {
    Map<Integer, Double> w = normalised(WeightStep.weights(graph, scored, Map.of(author, 0.1)));
    assertThat(w.get(3)).isCloseTo(0.1, within(0.001));
    assertThat(w.get(1)).isCloseTo(0.6, within(0.001));
    assertThat(w.get(2)).isCloseTo(0.3, within(0.001));
  }

  @Test
  void anAuthorOutsideTheMetagraphTakesNothing() {
    Map<Integer, Double> w = normalised(WeightStep.weights(graph, scored, Map.of(key(), 0.1)));
    assertThat(w.getOrDefault(3, 0.0)).isLessThan(0.001); // the chain's floor, not a share
    assertThat(w.get(1)).isCloseTo(2.0 / 3, within(0.001));
  }

  private static Map<Integer, Double> normalised(Weights w) {
    double sum = w.values().stream().mapToDouble(Integer::doubleValue).sum();
    Map<Integer, Double> out = new java.util.TreeMap<>();
    for (int i = 0; i < w.uids().size(); i++) {
      if (w.values().get(i) > 0) {
        out.put(w.uids().get(i), w.values().get(i) / sum);
      }
    }
    return out;
  }

  private static KeyId key() {
    return KeyId.of(Ed25519KeyPair.generate().publicKey());
  }

  private static Member member(int uid, KeyId key, String role) {
    return new Member(uid, key.address(), key.address(), role, "", 0, 0, false, "ed25519");
  }

  private static Records.ScoreRow row(int uid, double score) {
    return new Records.ScoreRow(uid, "", "", 0, 0, 0, 0, true, score, score, null);
  }
}

package io.aurelius.judge.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact values and the refusals of the ranking's rules, on small hand-worked epochs. */
class RankingRulesTest {
  private static SubmissionSignals s(
      String id, double dlv, double novelty, double efficiency, double immersion) {
    return new SubmissionSignals(id, dlv, novelty, efficiency, immersion);
  }

  private static Ranked ranked(EpochRanking r, String id) {
    return r.ranked().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void crowdingAndRewardsOfAFourPointFrontAreExact() {
    // Novelty: d 0, c .3, b .6, a 1; efficiency and immersion the other way round.
    // a and d are extremes on every objective (3 / 3 = 1); b gets .7 + .6 + .6, c .6 + .7 + .7.
    EpochRanking r =
        ParetoRanking.rank(
            List.of(
                s("a", .9, 1, 0, 0),
                s("b", .9, .6, .3, .3),
                s("c", .9, .3, .6, .6),
                s("d", .9, 0, 1, 1)),
            RankingPolicy.DEFAULT);
    assertThat(ranked(r, "a").crowding()).isEqualTo(1.0);
    assertThat(ranked(r, "d").crowding()).isEqualTo(1.0);
    assertThat(ranked(r, "b").crowding()).isCloseTo(1.9 / 3, offset(1e-12));
    assertThat(ranked(r, "c").crowding()).isCloseTo(2.0 / 3, offset(1e-12));
    double total = 2 + 2 + (1 + 1.9 / 3) + (1 + 2.0 / 3);
    assertThat(r.rewards().get("a")).isCloseTo(2 / total, offset(1e-12));
    assertThat(r.rewards().get("b")).isCloseTo((1 + 1.9 / 3) / total, offset(1e-12));
    assertThat(r.rewards().get("c")).isCloseTo((1 + 2.0 / 3) / total, offset(1e-12));
    assertThat(r.front()).extracting(Ranked::id).containsExactly("a", "b", "c", "d");
  }

  @Test
  void anObjectiveOnWhichTheFrontIsEqualCountsNothing() {
    // Immersion equal for all: only novelty and efficiency count; b is interior on both.
    EpochRanking r =
        ParetoRanking.rank(
            List.of(s("a", 1, 1, 0, .5), s("b", 1, .5, .5, .5), s("c", 1, 0, 1, .5)),
            RankingPolicy.DEFAULT);
    assertThat(ranked(r, "a").crowding()).isCloseTo(2.0 / 3, offset(1e-12));
    assertThat(ranked(r, "b").crowding()).isCloseTo(2.0 / 3, offset(1e-12));
    assertThat(ranked(r, "c").crowding()).isCloseTo(2.0 / 3, offset(1e-12));
    assertThat(r.rewards().values())
        .allSatisfy(v -> assertThat(v).isCloseTo(1.0 / 3, offset(1e-12)));
  }

  @Test
  void smallFrontsHaveFullCrowdingAndLaterFrontsArePaidByOneOverTheirNumber() {
    // a dominates b dominates c: three fronts of one.
    EpochRanking r =
        ParetoRanking.rank(
            List.of(
                s("c", .5, .1, .1, .1),
                s("a", .5, .9, .9, .9),
                s("b", .5, .5, .5, .5),
                s("x", .39, 1, 1, 1)),
            RankingPolicy.DEFAULT);
    assertThat(r.ranked()).extracting(Ranked::id).containsExactly("a", "b", "c", "x");
    assertThat(r.ranked()).extracting(Ranked::front).containsExactly(1, 2, 3, 0);
    assertThat(r.ranked()).extracting(Ranked::passed).containsExactly(true, true, true, false);
    assertThat(r.ranked()).extracting(Ranked::crowding).containsExactly(1.0, 1.0, 1.0, 0.0);
    // Shares 2/1, 2/2, 2/3 (crowding 1 each), normalised: 6/11, 3/11, 2/11.
    assertThat(ranked(r, "a").reward()).isCloseTo(6.0 / 11, offset(1e-12));
    assertThat(ranked(r, "b").reward()).isCloseTo(3.0 / 11, offset(1e-12));
    assertThat(ranked(r, "c").reward()).isCloseTo(2.0 / 11, offset(1e-12));
    assertThat(ranked(r, "x").reward()).isZero();
    assertThat(r.front()).extracting(Ranked::id).containsExactly("a");
  }

  @Test
  void theDlvThresholdIsInclusive() {
    RankingPolicy policy = new RankingPolicy(0.5, 0.1);
    EpochRanking r =
        ParetoRanking.rank(List.of(s("at", .5, .2, .2, .2), s("below", .4999, 1, 1, 1)), policy);
    assertThat(ranked(r, "at").passed()).isTrue();
    assertThat(ranked(r, "at").reward()).isEqualTo(1.0);
    assertThat(ranked(r, "below").passed()).isFalse();
    assertThat(ParetoRanking.rank(List.of(), policy).ranked()).isEmpty();
  }

  @Test
  void equalPointsDoNotDominateEachOther() {
    assertThat(s("a", 1, .5, .5, .5).dominates(s("b", 1, .5, .5, .5))).isFalse();
    assertThat(s("a", 1, .5, .6, .5).dominates(s("b", 1, .5, .5, .5))).isTrue();
    assertThat(s("a", 1, .5, .6, .4).dominates(s("b", 1, .5, .5, .5))).isFalse();
    EpochRanking r =
        ParetoRanking.rank(
            List.of(s("a", 1, .5, .5, .5), s("b", 1, .5, .5, .5)), RankingPolicy.DEFAULT);
    assertThat(r.rewards()).containsExactly(Map.entry("a", 0.5), Map.entry("b", 0.5));
  }

  @Test
  void anEpochIsLimitedInSize() {
    List<SubmissionSignals> many = new ArrayList<>();
    for (int i = 0; i <= ParetoRanking.MAX_SUBMISSIONS; i++) {
      many.add(s("m" + i, 0, 0, 0, 0));
    }
    assertThatThrownBy(() -> ParetoRanking.rank(many, RankingPolicy.DEFAULT))
        .hasMessage("submissions: 4097 (expected: at most 4096)");
    assertThat(ParetoRanking.rank(many.subList(0, 4096), RankingPolicy.DEFAULT).ranked())
        .hasSize(4096);
  }

  @Test
  void canonicalBytesCarryThePolicyAndEveryRankedField() {
    EpochRanking r =
        ParetoRanking.rank(
            List.of(s("b", .8, .25, 1.5, .75), s("a", .1, 0, 0, 0)), RankingPolicy.DEFAULT);
    JsonNode json = Json.parse(r.canonicalBytes(), "ranking", JsonLimits.UNTRUSTED);
    assertThat(json.path("dlv_threshold").asDouble()).isEqualTo(0.4);
    assertThat(json.path("ema_alpha").asDouble()).isEqualTo(0.1);
    JsonNode b = json.path("ranked").get(1);
    assertThat(json.path("ranked").get(0).path("id").asText()).isEqualTo("a");
    assertThat(b.path("id").asText()).isEqualTo("b");
    assertThat(b.path("dlv").asDouble()).isEqualTo(.8);
    assertThat(b.path("novelty").asDouble()).isEqualTo(.25);
    assertThat(b.path("efficiency").asDouble()).isEqualTo(1.5);
    assertThat(b.path("immersion").asDouble()).isEqualTo(.75);
    assertThat(b.path("passed").asBoolean()).isTrue();
    assertThat(b.path("front").asInt()).isEqualTo(1);
    assertThat(b.path("crowding").asDouble()).isEqualTo(1.0);
    assertThat(b.path("reward").asDouble()).isEqualTo(1.0);
    assertThat(json.path("ranked").get(0).path("passed").asBoolean()).isFalse();
  }

  @Test
  void signalsAndPoliciesOutsideTheirRangesAreRefused() {
    assertThatThrownBy(() -> s("", 1, 1, 1, 1))
        .hasMessage("submission id: 0 chars (expected: 1..128)");
    assertThatThrownBy(() -> s("x".repeat(129), 1, 1, 1, 1)).hasMessageContaining("129 chars");
    assertThat(s("x".repeat(128), 0, 0, 0, 0).id()).hasSize(128);
    assertThatThrownBy(() -> s("a", -0.01, 1, 1, 1)).hasMessage("a: dlv -0.01 (expected: 0..1)");
    assertThatThrownBy(() -> s("a", 1, 1, 1, 1.01))
        .hasMessage("a: immersion 1.01 (expected: 0..1)");
    assertThatThrownBy(() -> s("a", 1, 1, -1, 1))
        .hasMessage("a: efficiency -1.0 (expected: finite, >= 0)");
    assertThat(s("a", 1, 1, 0, 1).efficiency()).isZero();
    assertThatThrownBy(() -> s("a", 1, 1, 1, 1).objective(3)).hasMessage("objective 3");

    assertThatThrownBy(() -> new RankingPolicy(-0.1, 0.1))
        .hasMessage("dlv threshold: -0.1 (expected: 0..1)");
    assertThatThrownBy(() -> new RankingPolicy(1.1, 0.1)).hasMessageContaining("dlv threshold");
    assertThatThrownBy(() -> new RankingPolicy(Double.NaN, 0.1))
        .hasMessageContaining("dlv threshold");
    assertThatThrownBy(() -> new RankingPolicy(0.4, 0))
        .hasMessage("ema alpha: 0.0 (expected: (0, 1])");
    assertThatThrownBy(() -> new RankingPolicy(0.4, 1.01)).hasMessageContaining("ema alpha");
    assertThat(new RankingPolicy(0, 1)).isEqualTo(new RankingPolicy(0.0, 1.0));
    assertThat(new RankingPolicy(1, 0.5).dlvThreshold()).isEqualTo(1.0);
  }

  @Test
  void movingAverageChecksItsInputs() {
    assertThat(MovingAverage.update(Map.of("a", 0.5), Map.of("a", 0.25), 1))
        .containsExactly(Map.entry("a", 0.25));
    assertThat(MovingAverage.update(Map.of("a", 0.5), Map.of(), 0.5))
        .containsExactly(Map.entry("a", 0.25));
    assertThatThrownBy(() -> MovingAverage.update(Map.of(), Map.of(), 0))
        .hasMessage("alpha: 0.0 (expected: (0, 1])");
    assertThatThrownBy(() -> MovingAverage.update(Map.of(), Map.of(), 1.5))
        .hasMessageContaining("alpha: 1.5");
    assertThatThrownBy(() -> MovingAverage.update(Map.of(), Map.of("a", -1.0), 0.1))
        .hasMessage("a: reward -1.0, previous 0.0 (expected: finite, >= 0)");
    assertThatThrownBy(() -> MovingAverage.update(Map.of(), Map.of("a", Double.NaN), 0.1))
        .hasMessageContaining("a:");
    assertThatThrownBy(() -> MovingAverage.update(Map.of("a", -0.5), Map.of(), 0.1))
        .hasMessageContaining("previous");
    assertThatThrownBy(
            () -> MovingAverage.update(Map.of("a", Double.POSITIVE_INFINITY), Map.of(), 0.1))
        .hasMessageContaining("previous Infinity");
    assertThat(MovingAverage.update(Map.of("b", 0.0), Map.of("a", 0.0), 0.1).keySet())
        .containsExactly("a", "b");
  }

  @Test
  void chainWeightsAreLittleEndianPairsOfValidValues() {
    ChainWeights c = new ChainWeights(List.of(1, 0x1234), List.of(65535, 0x0102));
    assertThat(c.bytes()).containsExactly(0x01, 0x00, 0xff, 0xff, 0x34, 0x12, 0x02, 0x01);
    assertThat(new ChainWeights(List.of(), List.of()).bytes()).isEmpty();
    assertThatThrownBy(() -> new ChainWeights(List.of(1, 2), List.of(1)))
        .hasMessage("uids and values: 2 and 1 (expected: equal)");
    assertThatThrownBy(() -> new ChainWeights(List.of(1), List.of(0)))
        .hasMessage("weight value 0 (expected: 1..65535)");
    assertThatThrownBy(() -> new ChainWeights(List.of(1), List.of(65536)))
        .hasMessageContaining("65536");
    assertThat(new ChainWeights(List.of(7), List.of(1)).values()).containsExactly(1);
  }

  @Test
  void weightProcessingRefusesBadInputsAndEmitsNothingForAllZeros() {
    assertThatThrownBy(() -> WeightProcessing.process(new double[0], 0, 1, 0))
        .hasMessage("weights: none (expected: one per UID)");
    assertThatThrownBy(() -> WeightProcessing.process(new double[] {1}, -1, 1, 0))
        .hasMessageContaining("min allowed -1");
    assertThatThrownBy(() -> WeightProcessing.process(new double[] {1}, 0, 0, 0))
        .hasMessageContaining("limit 0.0");
    assertThatThrownBy(() -> WeightProcessing.process(new double[] {1}, 0, 1.01, 0))
        .hasMessageContaining("limit 1.01");
    assertThatThrownBy(() -> WeightProcessing.process(new double[] {1}, 0, 1, -1))
        .hasMessageContaining("quantile -1");
    assertThatThrownBy(() -> WeightProcessing.process(new double[] {1}, 0, 1, 65536))
        .hasMessageContaining("quantile 65536");
    assertThat(WeightProcessing.process(new double[] {1}, 0, 1, 65535).uids()).containsExactly(0);
    assertThatThrownBy(() -> WeightProcessing.emit(new int[] {1}, new double[] {1, 2}))
        .hasMessage("uids and weights: 1 and 2 (expected: equal)");
    assertThatThrownBy(() -> WeightProcessing.emit(new int[] {1}, new double[] {-1}))
        .hasMessage("weight of uid 1: -1.0 (expected: finite, >= 0)");
    assertThatThrownBy(() -> WeightProcessing.emit(new int[] {1}, new double[] {Double.NaN}))
        .hasMessageContaining("uid 1: NaN");
    assertThatThrownBy(() -> WeightProcessing.emit(new int[] {65536}, new double[] {1}))
        .hasMessage("uid 65536 (expected: 0..65535)");
    assertThatThrownBy(() -> WeightProcessing.emit(new int[] {-1}, new double[] {1}))
        .hasMessage("uid -1 (expected: 0..65535)");
    assertThat(WeightProcessing.emit(new int[] {65535, 0}, new double[] {1, 0.5}).uids())
        .containsExactly(65535, 0);
    ChainWeights none = WeightProcessing.emit(new int[] {1, 2}, new double[] {0, 0});
    assertThat(none.uids()).isEmpty();
    assertThat(none.values()).isEmpty();
  }

  @Test
  void fewerNeuronsThanTheMinimumGetUniformWeights() {
    WeightProcessing.Processed p = WeightProcessing.process(new double[] {0.9, 0.1}, 3, 1, 0);
    assertThat(p.uids()).containsExactly(0, 1);
    assertThat(p.weights()).containsExactly(0.5, 0.5);
    WeightProcessing.Processed enough =
        WeightProcessing.process(new double[] {0.75, 0.25}, 2, 1, 0);
    assertThat(enough.weights()).containsExactly(0.75, 0.25);
    // Weights that are not normalised come back normalised.
    assertThat(WeightProcessing.process(new double[] {3, 1}, 0, 1, 0).weights())
        .containsExactly(0.75, 0.25);
  }

  @Test
  void normalizeMaxWeightIsUniformWhenTheLimitCannotBeMet() {
    assertThat(WeightProcessing.normalizeMaxWeight(new double[] {0, 0}, 1))
        .containsExactly(0.5, 0.5);
    assertThat(WeightProcessing.normalizeMaxWeight(new double[] {3, 1}, 0.5))
        .containsExactly(0.5, 0.5);
    assertThat(WeightProcessing.normalizeMaxWeight(new double[] {3, 1, 1, 1}, 0.25))
        .containsExactly(0.25, 0.25, 0.25, 0.25);
    assertThat(WeightProcessing.normalizeMaxWeight(new double[] {3, 1}, 0.75))
        .containsExactly(0.75, 0.25);
    double[] capped = WeightProcessing.normalizeMaxWeight(new double[] {8, 1, 1}, 0.5);
    assertThat(capped[0]).isCloseTo(0.5, offset(1e-6));
    assertThat(capped[1]).isCloseTo(0.25, offset(1e-6));
    assertThat(capped[0] + capped[1] + capped[2]).isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void quantileIsLinearLikeNumpys() {
    double[] v = {4, 1, 3, 2};
    assertThat(WeightProcessing.quantile(v, 0)).isEqualTo(1.0);
    assertThat(WeightProcessing.quantile(v, 1)).isEqualTo(4.0);
    assertThat(WeightProcessing.quantile(v, 0.5)).isEqualTo(2.5);
    assertThat(WeightProcessing.quantile(v, 0.25)).isCloseTo(1.75, offset(1e-12));
    assertThat(WeightProcessing.quantile(new double[] {5}, 0.7)).isEqualTo(5.0);
    assertThat(v).containsExactly(4, 1, 3, 2);
  }

  @Test
  void crowdingIsMeasuredWithinEachFrontOnItsOwnRanges() {
    // "top" dominates the four others, which form front 2 with ranges of 0.9.
    EpochRanking r =
        ParetoRanking.rank(
            List.of(
                s("top", 1, 1, 1, 1),
                s("b", 1, .9, 0, 0),
                s("c", 1, .6, .3, .3),
                s("d", 1, .3, .6, .6),
                s("e", 1, 0, .9, .9)),
            RankingPolicy.DEFAULT);
    assertThat(ranked(r, "top").front()).isEqualTo(1);
    assertThat(ranked(r, "top").reward())
        .isGreaterThan(ranked(r, "b").reward())
        .isGreaterThan(ranked(r, "c").reward());
    assertThat(List.of("b", "c", "d", "e"))
        .allSatisfy(id -> assertThat(ranked(r, id).front()).isEqualTo(2));
    assertThat(ranked(r, "b").crowding()).isEqualTo(1.0);
    assertThat(ranked(r, "e").crowding()).isEqualTo(1.0);
    // c: (.9 - .3) / .9 on novelty, (.6 - 0) / .9 on the other two; d mirrors it.
    assertThat(ranked(r, "c").crowding())
        .isCloseTo((0.6 / 0.9 + 0.6 / 0.9 + 0.6 / 0.9) / 3, offset(1e-12));
    assertThat(ranked(r, "d").crowding()).isCloseTo(ranked(r, "c").crowding(), offset(1e-12));
    // Front 2 is paid half per unit of (1 + crowding): top 2/1, c (1 + 2/3)/2.
    assertThat(ranked(r, "c").reward() / ranked(r, "top").reward())
        .isCloseTo((1 + 2.0 / 3) / 2 / 2, offset(1e-12));
  }

  @Test
  void aFrontOfTwoHasFullCrowdingEvenWhereItsMembersAreEqual() {
    EpochRanking r =
        ParetoRanking.rank(
            List.of(s("a", 1, 1, 0, .5), s("b", 1, 0, 1, .5)), RankingPolicy.DEFAULT);
    assertThat(r.ranked()).extracting(Ranked::crowding).containsExactly(1.0, 1.0);
    assertThat(r.rewards()).containsExactly(Map.entry("a", 0.5), Map.entry("b", 0.5));
  }

  @Test
  void identicalSubmissionsShareTheFrontEqually() {
    EpochRanking r =
        ParetoRanking.rank(
            List.of(s("a", 1, .5, .5, .5), s("b", 1, .5, .5, .5), s("c", 1, .5, .5, .5)),
            RankingPolicy.DEFAULT);
    assertThat(r.ranked()).extracting(Ranked::crowding).containsExactly(0.0, 0.0, 0.0);
    assertThat(r.ranked())
        .extracting(Ranked::reward)
        .allSatisfy(v -> assertThat(v).isCloseTo(1.0 / 3, offset(1e-12)));
  }

  @Test
  void theExcludeQuantileNeverLeavesFewerThanTheMinimumAllowed() {
    // Quantile 1.0 would keep only the largest; min_allowed 3 caps the exclusion at (4 - 3) / 4.
    WeightProcessing.Processed p =
        WeightProcessing.process(new double[] {0.4, 0.3, 0.2, 0.1}, 3, 1, 65535);
    assertThat(p.uids()).containsExactly(0, 1, 2);
    assertThat(p.weights()[0]).isCloseTo(0.4 / 0.9, offset(1e-12));
    WeightProcessing.Processed none =
        WeightProcessing.process(new double[] {0.4, 0.3, 0.2, 0.1}, 4, 1, 65535);
    assertThat(none.uids()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aLimitTooSmallForTheNumberOfWeightsGivesUniformWeights() {
    assertThat(WeightProcessing.normalizeMaxWeight(new double[] {3, 1}, 0.4))
        .containsExactly(0.5, 0.5);
    assertThat(WeightProcessing.normalizeMaxWeight(new double[] {5, 1, 1, 1}, 0.2))
        .containsExactly(0.25, 0.25, 0.25, 0.25);
  }
}

package io.aurelius.judge.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Property tests over seeded random epochs: each property is checked on many generated cases. */
class ParetoRankingTest {
  private static final int CASES = 300;

  static List<SubmissionSignals> epoch(SplittableRandom rnd) {
    int n = 1 + rnd.nextInt(40);
    List<SubmissionSignals> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Coarse values make ties and equal points common, the cases that break naive code.
      list.add(
          new SubmissionSignals(
              "miner-" + i,
              rnd.nextInt(11) / 10.0,
              rnd.nextInt(6) / 5.0,
              rnd.nextInt(5) * 0.75,
              rnd.nextInt(6) / 5.0));
    }
    return list;
  }

  @Test
  void sameInputsInAnyOrderGiveTheSameBytes() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int c = 0; c < CASES; c++) {
      List<SubmissionSignals> e = epoch(rnd);
      byte[] first = ParetoRanking.rank(e, RankingPolicy.DEFAULT).canonicalBytes();
      List<SubmissionSignals> shuffled = new ArrayList<>(e);
      Collections.shuffle(shuffled, new Random(c));
      assertThat(ParetoRanking.rank(shuffled, RankingPolicy.DEFAULT).canonicalBytes())
          .isEqualTo(first);
    }
  }

  @Test
  void belowThresholdGetsNothingAndADominatedSubmissionEarnsLessThanItsDominator() {
    SplittableRandom rnd = new SplittableRandom(2);
    for (int c = 0; c < CASES; c++) {
      List<SubmissionSignals> e = epoch(rnd);
      EpochRanking r = ParetoRanking.rank(e, RankingPolicy.DEFAULT);
      for (Ranked a : r.ranked()) {
        if (a.signals().dlv() < RankingPolicy.DEFAULT.dlvThreshold()) {
          assertThat(a.reward()).as("below threshold: %s", a).isZero();
          assertThat(a.passed()).isFalse();
        }
        if (a.passed()) {
          assertThat(a.reward()).as("passed: %s", a).isPositive();
        }
        for (Ranked b : r.ranked()) {
          if (b.passed() && a.passed() && b.signals().dominates(a.signals())) {
            // (1 + crowding) / front: a deeper front at most halves... and crowding at most
            // doubles.
            assertThat(b.front()).isLessThan(a.front());
            assertThat(a.reward())
                .as("%s dominated by %s", a, b)
                .isLessThanOrEqualTo(2.0 * b.front() / a.front() * b.reward() + 1e-12);
          }
        }
      }
    }
  }

  @Test
  void rewardsSumToOneAndWithinAFrontNeverDifferMoreThanTwofold() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int c = 0; c < CASES; c++) {
      EpochRanking r = ParetoRanking.rank(epoch(rnd), RankingPolicy.DEFAULT);
      List<Ranked> front = r.front();
      double sum = r.ranked().stream().mapToDouble(Ranked::reward).sum();
      double firstShare = front.stream().mapToDouble(Ranked::reward).sum();
      double deeper =
          r.ranked().stream()
              .filter(x -> x.front() > 1)
              .mapToDouble(Ranked::reward)
              .max()
              .orElse(0);
      if (!front.isEmpty()) {
        // Every first-front member earns at least half of what the best deeper one does.
        assertThat(front.stream().mapToDouble(Ranked::reward).min().orElseThrow())
            .isGreaterThanOrEqualTo(deeper / 2 - 1e-12);
        assertThat(firstShare).isPositive();
      }
      if (front.isEmpty()) {
        assertThat(sum).isZero();
        continue;
      }
      assertThat(sum).isCloseTo(1.0, offset(1e-9));
      double min = front.stream().mapToDouble(Ranked::reward).min().orElseThrow();
      double max = front.stream().mapToDouble(Ranked::reward).max().orElseThrow();
      assertThat(min).isPositive();
      assertThat(max).isLessThanOrEqualTo(2 * min + 1e-12);
    }
  }

  @Test
  void aLonelyExtremeOnTheFrontEarnsMoreThanACrowdedMiddle() {
    List<SubmissionSignals> e =
        List.of(
            new SubmissionSignals("a", 0.9, 1.0, 0.0, 0.0),
            new SubmissionSignals("b", 0.9, 0.5, 0.5, 0.5),
            new SubmissionSignals("c", 0.9, 0.49, 0.51, 0.5),
            new SubmissionSignals("d", 0.9, 0.0, 1.0, 1.0),
            new SubmissionSignals("e", 0.9, 0.2, 0.2, 0.2), // dominated by b
            new SubmissionSignals(
                "f", 0.3, 1.0, 9.0, 1.0)); // best at everything, but below the gate
    EpochRanking r = ParetoRanking.rank(e, RankingPolicy.DEFAULT);
    assertThat(r.rewards().get("a")).isGreaterThan(r.rewards().get("b"));
    assertThat(r.rewards().get("e")).isPositive().isLessThan(r.rewards().get("b"));
    assertThat(r.rewards().get("f")).isZero();
    assertThat(r.ranked())
        .filteredOn(x -> x.id().equals("e"))
        .first()
        .extracting(Ranked::front)
        .isEqualTo(2);
  }

  @Test
  void duplicateIdsAndOutOfRangeSignalsAreRefused() {
    assertThatThrownBy(
            () ->
                ParetoRanking.rank(
                    List.of(
                        new SubmissionSignals("a", 1, 1, 1, 1),
                        new SubmissionSignals("a", 1, 1, 1, 1)),
                    RankingPolicy.DEFAULT))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new SubmissionSignals("a", 1.5, 1, 1, 1))
        .hasMessageContaining("dlv 1.5 (expected: 0..1)");
    assertThatThrownBy(() -> new SubmissionSignals("a", 1, Double.NaN, 1, 1))
        .hasMessageContaining("novelty");
    assertThatThrownBy(() -> new SubmissionSignals("a", 1, 1, Double.POSITIVE_INFINITY, 1))
        .hasMessageContaining("efficiency");
  }

  @Test
  void movingAverageSmoothsAndDecaysAbsentMiners() {
    var s1 = MovingAverage.update(java.util.Map.of(), java.util.Map.of("a", 1.0), 0.1);
    assertThat(s1.get("a")).isCloseTo(0.1, offset(1e-12));
    var s2 = MovingAverage.update(s1, java.util.Map.of("b", 1.0), 0.1);
    assertThat(s2.get("a")).isCloseTo(0.09, offset(1e-12));
    assertThat(s2.get("b")).isCloseTo(0.1, offset(1e-12));
    var s = s2;
    for (int i = 0; i < 200; i++) {
      s = MovingAverage.update(s, java.util.Map.of("b", 1.0), 0.1);
    }
    assertThat(s.get("b")).isCloseTo(1.0, offset(1e-6));
    assertThat(s.get("a")).isLessThan(1e-9);
  }
}

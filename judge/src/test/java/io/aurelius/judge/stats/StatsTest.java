package io.aurelius.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void weightedMedianIgnoresAnOutlierAndFollowsWeight() {
    assertThat(WeightedMedian.of(new double[] {0.2, 0.3, 1.0})).isEqualTo(0.3);
    assertThat(WeightedMedian.of(new double[] {0.2, 0.4})).isCloseTo(0.3, offset(1e-12));
    assertThat(WeightedMedian.of(new double[] {0.2, 0.3, 1.0}, new double[] {0.1, 0.1, 0.9}))
        .isEqualTo(1.0);
    assertThat(WeightedMedian.of(new double[] {0.2, 0.9}, new double[] {1, 0})).isEqualTo(0.2);
    assertThatThrownBy(() -> WeightedMedian.of(new double[] {0.5}, new double[] {0}))
        .hasMessageContaining("no value with a positive weight");
  }

  @Test
  void isotonicFitPoolsViolatorsAndIsMonotone() {
    IsotonicFit f = IsotonicFit.fit(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
    assertThat(f.apply(1)).isEqualTo(1);
    assertThat(f.apply(2.5)).isCloseTo(2.5, offset(1e-12));
    assertThat(f.apply(4)).isEqualTo(4);
    assertThat(f.apply(-10)).isEqualTo(1);
    assertThat(f.apply(99)).isEqualTo(4);

    SplittableRandom rnd = new SplittableRandom(7);
    double[] x = new double[200];
    double[] y = new double[200];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextDouble();
      y[i] = Math.min(1, Math.max(0, x[i] * x[i] + (rnd.nextDouble() - 0.5) * 0.3));
    }
    IsotonicFit g = IsotonicFit.fit(x, y);
    double prev = -1;
    for (double t = 0; t <= 1; t += 0.01) {
      assertThat(g.apply(t)).isGreaterThanOrEqualTo(prev);
      prev = g.apply(t);
    }
    assertThat(g.apply(0.9)).isCloseTo(0.81, offset(0.12));
  }

  @Test
  void jensenShannonDistance() {
    assertThat(JensenShannon.distance(Map.of("a", 3, "b", 1), Map.of("a", 6, "b", 2)))
        .isCloseTo(0, offset(1e-12));
    assertThat(JensenShannon.distance(Map.of("a", 1), Map.of("b", 1))).isCloseTo(1, offset(1e-12));
    // P = (1/2, 1/2), Q = (1, 0), M = (3/4, 1/4): ½KL(P‖M) + ½KL(Q‖M) = 0.311278
    assertThat(JensenShannon.divergence(Map.of("a", 1, "b", 1), Map.of("a", 1)))
        .isCloseTo(0.311278, offset(1e-6));
    assertThat(JensenShannon.distance(Map.of(), Map.of())).isZero();
    assertThat(JensenShannon.distance(Map.of(), Map.of("a", 1))).isEqualTo(1);
  }
}

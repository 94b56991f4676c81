package io.aurelius.judge.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Expected values were computed by running bittensor's {@code process_weights} and {@code
 * convert_weights_and_uids_for_emit} algorithm in numpy (float64) on the same inputs.
 */
class WeightProcessingTest {
  private static ChainWeights run(double[] w, int minAllowed, double limit, int excludeQuantile) {
    WeightProcessing.Processed p = WeightProcessing.process(w, minAllowed, limit, excludeQuantile);
    return WeightProcessing.emit(p.uids(), p.weights());
  }

  @Test
  void zerosAreDroppedAndTheLargestIsMaxUpscaled() {
    ChainWeights c = run(new double[] {0.5, 0.3, 0.2, 0, 0}, 0, 1.0, 0);
    assertThat(c.uids()).containsExactly(0, 1, 2);
    assertThat(c.values()).containsExactly(65535, 39321, 26214);
  }

  @Test
  void tooFewNonzeroWeightsArePaddedForTheChain() {
    ChainWeights c = run(new double[] {0.5, 0.3, 0.2, 0, 0}, 5, 1.0, 0);
    assertThat(c.uids()).containsExactly(0, 1, 2, 3, 4);
    assertThat(c.values()).containsExactly(65535, 39322, 26215, 1, 1);
  }

  @Test
  void theMaxWeightLimitCapsTheLargest() {
    assertThat(run(new double[] {0.7, 0.1, 0.1, 0.05, 0.05}, 0, 0.3, 0).values())
        .containsExactly(65535, 50972, 50972, 25486, 25486);
    assertThat(run(new double[] {1, 2, 3, 4, 90, 0.5}, 0, 0.25, 0).values())
        .containsExactly(20165, 40329, 60494, 65535, 65535, 10082);
  }

  @Test
  void theExcludeQuantileDropsTheSmallest() {
    ChainWeights c = run(new double[] {0.4, 0.3, 0.2, 0.05, 0.05}, 2, 1.0, 20000);
    assertThat(c.uids()).containsExactly(0, 1, 2);
    assertThat(c.values()).containsExactly(65535, 49151, 32768);
  }

  @Test
  void noWeightsMeansUniform() {
    assertThat(run(new double[] {0, 0, 0}, 1, 1.0, 0).values())
        .containsExactly(65535, 65535, 65535);
  }

  @Test
  void deterministicAndAlwaysValid() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int c = 0; c < 300; c++) {
      double[] w = new double[1 + rnd.nextInt(64)];
      for (int i = 0; i < w.length; i++) {
        w[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble();
      }
      int minAllowed = rnd.nextInt(w.length + 1);
      double limit = 0.05 + rnd.nextDouble() * 0.95;
      ChainWeights a = run(w, minAllowed, limit, rnd.nextInt(30000));
      assertThat(a.values()).isNotEmpty().contains(65535);
      assertThat(a.values()).allSatisfy(v -> assertThat(v).isBetween(1, 65535));
      assertThat(run(w, minAllowed, limit, 0).bytes())
          .isEqualTo(run(w.clone(), minAllowed, limit, 0).bytes());
    }
  }

  @Test
  void negativeOrNonFiniteWeightsAreRefused() {
    assertThatThrownBy(() -> run(new double[] {0.5, -0.1}, 0, 1, 0))
        .hasMessageContaining("uid 1: -0.1");
    assertThatThrownBy(() -> run(new double[] {Double.NaN}, 0, 1, 0))
        .hasMessageContaining("expected: finite");
    assertThatThrownBy(() -> new ChainWeights(List.of(1), List.of(70000)))
        .hasMessageContaining("1..65535");
  }
}

package io.aurelius.core.chain.yuma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The benchmark's shape only; its timings are printed by {@code aurelius bench}, never gated. */
class YumaBenchmarkTest {
  @Test
  void reportsEpochAndBaselineTimes() {
    YumaBenchmark.Result result = YumaBenchmark.run(32, 8, 1, 3);
    assertThat(result.uids()).isEqualTo(32);
    assertThat(result.epochs()).isEqualTo(3);
    assertThat(result.epochNanosMin()).isPositive().isLessThanOrEqualTo(result.epochNanosMedian());
    assertThat(result.baselineNanosMedian()).isPositive();
  }

  @Test
  void benchmarkSubnetIsAFullSubnetThatPaysEveryone() {
    YumaOutput out = Yuma.epoch(YumaBenchmark.input(64, 16, 1));
    assertThat(out.neurons()).hasSize(64);
    assertThat(out.neurons().stream().filter(r -> r.incentive() > 0).count()).isGreaterThan(40);
    assertThat(out.neurons().stream().filter(r -> r.dividends() > 0).count()).isEqualTo(16);
  }

  @Test
  void refusesNonsenseSizes() {
    assertThatThrownBy(() -> YumaBenchmark.run(1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

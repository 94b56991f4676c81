package io.aurelius.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {
  private static final double N = Double.NaN;

  /**
   * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12
   * units.
   */
  private static final double[][] EXAMPLE = {
    {1, 1, N, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
    {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {N, 5, 5, 5}, {N, N, 1, 1}, {N, 3, N, N}
  };

  @Test
  void matchesThePublishedValues() {
    assertThat(KrippendorffAlpha.of(EXAMPLE, KrippendorffAlpha.Metric.NOMINAL))
        .hasValueSatisfying(a -> assertThat(a).isCloseTo(0.743, offset(0.0005)));
    assertThat(KrippendorffAlpha.of(EXAMPLE, KrippendorffAlpha.Metric.INTERVAL))
        .hasValueSatisfying(a -> assertThat(a).isCloseTo(0.849, offset(0.0005)));
  }

  @Test
  void perfectAgreementIsOneAndUndefinedCasesAreEmpty() {
    assertThat(
            KrippendorffAlpha.of(
                new double[][] {{1, 1}, {0, 0}, {0.5, 0.5}}, KrippendorffAlpha.Metric.INTERVAL))
        .hasValue(1.0);
    assertThat(
            KrippendorffAlpha.of(
                new double[][] {{1, 1}, {1, 1}}, KrippendorffAlpha.Metric.INTERVAL))
        .isEmpty();
    assertThat(
            KrippendorffAlpha.of(
                new double[][] {{1, N}, {N, 2}}, KrippendorffAlpha.Metric.INTERVAL))
        .isEmpty();
  }

  @Test
  void systematicDisagreementIsBelowZero() {
    double[][] opposite = {{0, 1}, {1, 0}, {0, 1}, {1, 0}};
    assertThat(KrippendorffAlpha.of(opposite, KrippendorffAlpha.Metric.INTERVAL).orElseThrow())
        .isLessThan(0);
  }
}

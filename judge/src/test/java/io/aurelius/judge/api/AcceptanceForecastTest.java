package io.aurelius.judge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The mapping from an ensemble's DLV and disagreement to a probability of acceptance. */
class AcceptanceForecastTest {
  @Test
  void atTheGateACoinTossAboveItLikelierAndDisagreementFlattensIt() {
    assertThat(AcceptanceForecast.of(0.4, 0, 0.4, false)).isEqualTo(0.5);
    double agreed = AcceptanceForecast.of(0.5, 0, 0.4, false);
    double disputed = AcceptanceForecast.of(0.5, 0.3, 0.4, false);
    assertThat(agreed).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
    assertThat(disputed).isBetween(0.5, agreed);
    assertThat(AcceptanceForecast.of(0.3, 0, 0.4, false)).isLessThan(0.5);
  }

  @Test
  void clampedToEpsilonAndDeclinedAenesGetEpsilon() {
    assertThat(AcceptanceForecast.of(1, 0, 0.4, false)).isEqualTo(0.99);
    assertThat(AcceptanceForecast.of(0, 0, 0.4, false)).isEqualTo(0.01);
    assertThat(AcceptanceForecast.of(0.9, 0, 0.4, true)).isEqualTo(0.01);
    assertThat(AcceptanceForecast.clamp(Double.NaN)).isEqualTo(0.5);
  }
}

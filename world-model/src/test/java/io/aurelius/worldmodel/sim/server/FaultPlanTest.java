package io.aurelius.worldmodel.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  @Test
  void latencyDistributionsParseAndStayInShape() {
    assertThat(LatencyDistribution.parse("100ms"))
        .isEqualTo(new LatencyDistribution.Fixed(Duration.ofMillis(100)));
    assertThat(LatencyDistribution.parse("fixed:2s").describe()).isEqualTo("fixed:2s");
    LatencyDistribution u = LatencyDistribution.parse("uniform:50ms..200ms");
    LatencyDistribution l = LatencyDistribution.parse("lognormal:100ms,0.5");
    SplittableRandom r = new SplittableRandom(1);
    long below = 0;
    for (int i = 0; i < 2000; i++) {
      assertThat(u.sample(r)).isBetween(Duration.ofMillis(50), Duration.ofMillis(200));
      below += l.sample(r).compareTo(Duration.ofMillis(100)) < 0 ? 1 : 0;
    }
    assertThat(below).isBetween(850L, 1150L); // the median is the median
    assertThatThrownBy(() -> LatencyDistribution.parse("uniform:5ms"))
        .hasMessageContaining("uniform:MIN..MAX");
    assertThatThrownBy(() -> LatencyDistribution.parse("lognormal:1ms,x"))
        .hasMessageContaining("expected");
    assertThatThrownBy(() -> LatencyDistribution.parse("uniform:9ms..1ms"))
        .hasMessageContaining("min <= max");
  }

  @Test
  void ratesAreProbabilities() {
    assertThatThrownBy(() -> FaultPlan.NONE.withErrors(1.5, 0))
        .hasMessage("error-rate: 1.5 (expected: 0..1)");
    assertThatThrownBy(() -> FaultPlan.NONE.withHangs(-0.1, Duration.ZERO))
        .hasMessage("hang-rate: -0.1 (expected: 0..1)");
    assertThat(FaultPlan.NONE.withErrors(0.5, 0).withFaultRequests(3).describe())
        .isEqualTo(
            "latency fixed:0ms, 500s 0.5, 429s 0.0, malformed 0.0, hangs 0.0 (first 3 requests)");
  }
}

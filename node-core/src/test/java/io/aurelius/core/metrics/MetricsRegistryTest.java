package io.aurelius.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
  @Test
  void writesPrometheusTextFormat() {
    MetricsRegistry registry = new MetricsRegistry();
    Counter submissions =
        registry.counter("aurelius_submissions_total", "Submissions by outcome.", "outcome");
    submissions.inc("admitted");
    submissions.add(2, "rejected");
    registry.gauge("aurelius_queue_depth", "Work items waiting.", () -> 7);
    Histogram latency =
        registry.histogram(
            "aurelius_model_latency_seconds",
            "Model call latency.",
            new double[] {0.1, 1},
            "endpoint");
    latency.observe(0.05, "sim");
    latency.observe(0.5, "sim");
    latency.observe(3, "sim");

    assertThat(registry.scrape())
        .isEqualTo(
            """
        # HELP aurelius_model_latency_seconds Model call latency.
        # TYPE aurelius_model_latency_seconds histogram
        aurelius_model_latency_seconds_bucket{endpoint="sim",le="0.1"} 1
        aurelius_model_latency_seconds_bucket{endpoint="sim",le="1"} 2
        aurelius_model_latency_seconds_bucket{endpoint="sim",le="+Inf"} 3
        aurelius_model_latency_seconds_sum{endpoint="sim"} 3.55
        aurelius_model_latency_seconds_count{endpoint="sim"} 3
        # HELP aurelius_queue_depth Work items waiting.
        # TYPE aurelius_queue_depth gauge
        aurelius_queue_depth 7
        # HELP aurelius_submissions_total Submissions by outcome.
        # TYPE aurelius_submissions_total counter
        aurelius_submissions_total{outcome="admitted"} 1
        aurelius_submissions_total{outcome="rejected"} 2
        """);
  }

  @Test
  void refusesWrongLabelCountsAndKindClashes() {
    MetricsRegistry registry = new MetricsRegistry();
    Counter c = registry.counter("x_total", "x", "a");
    assertThatThrownBy(() -> c.inc()).hasMessageContaining("0 label values (expected: 1");
    assertThatThrownBy(() -> registry.histogram("x_total", "x", new double[] {1}))
        .hasMessageContaining("already a Counter");
    assertThatThrownBy(() -> registry.counter("bad name", "x")).hasMessageContaining("metric name");
  }
}

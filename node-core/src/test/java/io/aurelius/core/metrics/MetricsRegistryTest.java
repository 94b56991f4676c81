package io.aurelius.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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
    registry.gauges(
        "aurelius_neuron_stake",
        "Stake by UID.",
        () -> Map.of(List.of("0"), 5.0, List.of("1"), 2.5),
        "uid");
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
        .contains(
            """
        # HELP aurelius_model_latency_seconds Model call latency.
        # TYPE aurelius_model_latency_seconds histogram
        aurelius_model_latency_seconds_bucket{endpoint="sim",le="0.1"} 1
        aurelius_model_latency_seconds_bucket{endpoint="sim",le="1.0"} 2
        aurelius_model_latency_seconds_bucket{endpoint="sim",le="+Inf"} 3
        aurelius_model_latency_seconds_count{endpoint="sim"} 3
        aurelius_model_latency_seconds_sum{endpoint="sim"} 3.55
        """,
            """
        # HELP aurelius_queue_depth Work items waiting.
        # TYPE aurelius_queue_depth gauge
        aurelius_queue_depth 7.0
        """,
            """
        # TYPE aurelius_submissions_total counter
        aurelius_submissions_total{outcome="admitted"} 1.0
        aurelius_submissions_total{outcome="rejected"} 2.0
        """,
            "aurelius_neuron_stake{uid=\"0\"} 5.0\n",
            "aurelius_neuron_stake{uid=\"1\"} 2.5\n");
    assertThat(submissions.get("rejected")).isEqualTo(2);
  }

  @Test
  void addsJvmAndProcessMetricsOnce() {
    MetricsRegistry registry = new MetricsRegistry().withRuntimeMetrics().withRuntimeMetrics();
    String text = registry.scrape();
    assertThat(text)
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .contains("# TYPE process_cpu_seconds_total counter");
    assertThat(new MetricsRegistry().scrape()).doesNotContain("jvm_");
  }

  @Test
  void refusesWrongLabelCountsAndKindClashes() {
    MetricsRegistry registry = new MetricsRegistry();
    Counter c = registry.counter("x_total", "x", "a");
    assertThatThrownBy(() -> c.inc()).hasMessageContaining("0 label values (expected: 1");
    assertThatThrownBy(() -> c.add(-1, "v")).hasMessageContaining("(expected: >= 0)");
    assertThatThrownBy(() -> registry.histogram("x_total", "x", new double[] {1}))
        .hasMessageContaining("already a Counter");
    assertThatThrownBy(() -> registry.counter("bad name", "x")).hasMessageContaining("metric name");
    assertThat(registry.counter("x_total", "x", "a")).isSameAs(c);
  }
}

package io.aurelius.core.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/** Observations counted into cumulative buckets, with their sum and count. */
public final class Histogram extends Metric {
  private final io.prometheus.metrics.core.metrics.Histogram histogram;

  Histogram(
      String name,
      String help,
      double[] buckets,
      List<String> labelNames,
      PrometheusRegistry registry) {
    super(name, labelNames);
    this.histogram =
        io.prometheus.metrics.core.metrics.Histogram.builder()
            .name(name)
            .help(help)
            .classicOnly()
            .classicUpperBounds(buckets)
            .labelNames(labelNames.toArray(String[]::new))
            .withoutExemplars()
            .register(registry);
  }

  public void observe(double value, String... labelValues) {
    histogram.labelValues(checkLabels(labelValues)).observe(value);
  }
}

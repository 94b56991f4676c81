package io.aurelius.core.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/** A monotonically increasing count, optionally split by labels. */
public final class Counter extends Metric {
  private final io.prometheus.metrics.core.metrics.Counter counter;

  Counter(String name, String help, List<String> labelNames, PrometheusRegistry registry) {
    super(name, labelNames);
    this.counter =
        io.prometheus.metrics.core.metrics.Counter.builder()
            .name(name)
            .help(help)
            .labelNames(labelNames.toArray(String[]::new))
            .withoutExemplars()
            .register(registry);
  }

  public void inc(String... labelValues) {
    add(1, labelValues);
  }

  public void add(double amount, String... labelValues) {
    if (amount < 0) {
      throw new IllegalArgumentException(name + ": increment " + amount + " (expected: >= 0)");
    }
    counter.labelValues(checkLabels(labelValues)).inc(amount);
  }

  public double get(String... labelValues) {
    return counter.labelValues(checkLabels(labelValues)).get();
  }
}

package io.aurelius.core.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.DoubleSupplier;

/** A value read when scraped. */
final class Gauge extends Metric {
  Gauge(String name, String help, DoubleSupplier value, PrometheusRegistry registry) {
    super(name, List.of());
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(callback -> callback.call(value.getAsDouble()))
        .register(registry);
  }
}

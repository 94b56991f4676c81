package io.aurelius.core.metrics;

import java.util.List;
import java.util.function.DoubleSupplier;

/** A value read when scraped. */
final class Gauge extends Metric {
  private final DoubleSupplier value;

  Gauge(String name, String help, DoubleSupplier value) {
    super(name, help, List.of());
    this.value = value;
  }

  @Override
  String type() {
    return "gauge";
  }

  @Override
  void writeSamples(StringBuilder out) {
    out.append(name).append(' ').append(MetricsRegistry.format(value.getAsDouble())).append('\n');
  }
}

package io.aurelius.core.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A family of values read when scraped, one per set of label values (e.g. one per UID). */
final class Gauges extends Metric {
  Gauges(
      String name,
      String help,
      List<String> labelNames,
      Supplier<Map<List<String>, Double>> values,
      PrometheusRegistry registry) {
    super(name, labelNames);
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(labelNames.toArray(String[]::new))
        .callback(
            callback ->
                values
                    .get()
                    .forEach(
                        (labels, value) ->
                            callback.call(value, checkLabels(labels.toArray(String[]::new)))))
        .register(registry);
  }
}

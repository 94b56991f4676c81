package io.aurelius.core.metrics;

import java.util.List;

/** One named metric family of the registry. */
abstract sealed class Metric permits Counter, Gauge, Gauges, Histogram {
  final String name;
  final List<String> labelNames;

  Metric(String name, List<String> labelNames) {
    this.name = name;
    this.labelNames = List.copyOf(labelNames);
  }

  final String[] checkLabels(String... values) {
    if (values.length != labelNames.size()) {
      throw new IllegalArgumentException(
          name
              + ": "
              + values.length
              + " label values (expected: "
              + labelNames.size()
              + " for "
              + labelNames
              + ")");
    }
    return values;
  }
}

package io.aurelius.core.metrics;

import java.util.List;

/** One named metric family. */
abstract sealed class Metric permits Counter, Gauge, Histogram {
  final String name;
  final String help;
  final List<String> labelNames;

  Metric(String name, String help, List<String> labelNames) {
    this.name = name;
    this.help = help;
    this.labelNames = List.copyOf(labelNames);
  }

  abstract String type();

  abstract void writeSamples(StringBuilder out);

  final void writeTo(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help.replace("\n", " ")).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type()).append('\n');
    writeSamples(out);
  }

  final List<String> checkLabels(String... values) {
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
    return List.of(values);
  }
}

package io.aurelius.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;

/** A monotonically increasing count, optionally split by labels. */
public final class Counter extends Metric {
  private final Map<List<String>, DoubleAdder> values =
      new ConcurrentSkipListMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));

  Counter(String name, String help, List<String> labelNames) {
    super(name, help, labelNames);
  }

  public void inc(String... labelValues) {
    add(1, labelValues);
  }

  public void add(double amount, String... labelValues) {
    if (amount < 0) {
      throw new IllegalArgumentException(name + ": increment " + amount + " (expected: >= 0)");
    }
    values.computeIfAbsent(checkLabels(labelValues), k -> new DoubleAdder()).add(amount);
  }

  public double get(String... labelValues) {
    DoubleAdder adder = values.get(checkLabels(labelValues));
    return adder == null ? 0 : adder.sum();
  }

  @Override
  String type() {
    return "counter";
  }

  @Override
  void writeSamples(StringBuilder out) {
    if (values.isEmpty() && labelNames.isEmpty()) {
      out.append(name).append(" 0\n");
    }
    values.forEach(
        (labels, adder) ->
            out.append(name)
                .append(MetricsRegistry.labels(labelNames, labels, null, null))
                .append(' ')
                .append(MetricsRegistry.format(adder.sum()))
                .append('\n'));
  }
}

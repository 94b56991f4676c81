package io.aurelius.core.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * The node's metrics. Names follow Prometheus conventions ({@code aurelius_epochs_total});
 * registering a name twice returns the existing metric if its kind and labels match.
 */
public final class MetricsRegistry {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private final Map<String, Metric> metrics = new ConcurrentSkipListMap<>();

  public Counter counter(String name, String help, String... labelNames) {
    return register(name, Counter.class, () -> new Counter(name, help, List.of(labelNames)));
  }

  public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
    return register(
        name, Histogram.class, () -> new Histogram(name, help, buckets, List.of(labelNames)));
  }

  /** A gauge read at scrape time, e.g. a queue depth. */
  public void gauge(String name, String help, DoubleSupplier value) {
    register(name, Gauge.class, () -> new Gauge(name, help, value));
  }

  /** The whole registry in Prometheus text format. */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    for (Metric metric : metrics.values()) {
      metric.writeTo(out);
    }
    return out.toString();
  }

  private <T extends Metric> T register(
      String name, Class<T> kind, java.util.function.Supplier<T> factory) {
    requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "metric name: '" + name + "' (expected: " + NAME.pattern() + ")");
    }
    Metric metric = metrics.computeIfAbsent(name, n -> factory.get());
    if (!kind.isInstance(metric)) {
      throw new IllegalArgumentException(
          "metric " + name + " is already a " + metric.getClass().getSimpleName());
    }
    return kind.cast(metric);
  }

  static String escapeLabel(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String labels(
      List<String> names, List<String> values, String extraName, String extraValue) {
    if (names.isEmpty() && extraName == null) {
      return "";
    }
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(names.get(i)).append("=\"").append(escapeLabel(values.get(i))).append('"');
    }
    if (extraName != null) {
      if (!names.isEmpty()) {
        out.append(',');
      }
      out.append(extraName).append("=\"").append(extraValue).append('"');
    }
    return out.append('}').toString();
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.isInfinite(v) ? (v > 0 ? "+Inf" : "-Inf") : Double.toString(v);
  }
}

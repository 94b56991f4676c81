package io.aurelius.core.metrics;

import static java.util.Objects.requireNonNull;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The node's metrics. Names follow Prometheus conventions ({@code aurelius_epochs_total});
 * registering a name twice returns the existing metric if its kind matches (a second gauge of a
 * name is ignored: the first one registered is read).
 */
public final class MetricsRegistry {
  /** The content type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private final PrometheusRegistry prometheus = new PrometheusRegistry();
  private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
  private final AtomicBoolean runtime = new AtomicBoolean();

  public Counter counter(String name, String help, String... labelNames) {
    return register(
        name, Counter.class, () -> new Counter(name, help, List.of(labelNames), prometheus));
  }

  public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
    return register(
        name,
        Histogram.class,
        () -> new Histogram(name, help, buckets, List.of(labelNames), prometheus));
  }

  /** A gauge read at scrape time, e.g. a queue depth. */
  public void gauge(String name, String help, DoubleSupplier value) {
    register(name, Gauge.class, () -> new Gauge(name, help, value, prometheus));
  }

  /**
   * Gauges read at scrape time, one per set of label values, e.g. the stake of each UID. {@code
   * values} maps label values (in the order of {@code labelNames}) to the value.
   */
  public void gauges(
      String name, String help, Supplier<Map<List<String>, Double>> values, String... labelNames) {
    requireNonNull(values, "values");
    register(
        name, Gauges.class, () -> new Gauges(name, help, List.of(labelNames), values, prometheus));
  }

  /** Adds the JVM's and the process's metrics ({@code jvm_*}, {@code process_*}); idempotent. */
  public MetricsRegistry withRuntimeMetrics() {
    if (runtime.compareAndSet(false, true)) {
      JvmMetrics.builder().register(prometheus);
    }
    return this;
  }

  /** The whole registry in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      PrometheusTextFormatWriter.create().write(out, prometheus.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private <T extends Metric> T register(String name, Class<T> kind, Supplier<T> factory) {
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
}

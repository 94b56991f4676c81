package io.aurelius.core.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Observations counted into cumulative buckets, with their sum and count. */
public final class Histogram extends Metric {
  private final double[] bounds;
  private final Map<List<String>, Series> series =
      new ConcurrentSkipListMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));

  Histogram(String name, String help, double[] buckets, List<String> labelNames) {
    super(name, help, labelNames);
    this.bounds = buckets.clone();
    Arrays.sort(this.bounds);
  }

  public void observe(double value, String... labelValues) {
    series
        .computeIfAbsent(checkLabels(labelValues), k -> new Series(bounds.length))
        .observe(bounds, value);
  }

  @Override
  String type() {
    return "histogram";
  }

  @Override
  void writeSamples(StringBuilder out) {
    series.forEach(
        (labels, s) -> {
          long[] counts;
          double sum;
          long count;
          synchronized (s) {
            counts = s.counts.clone();
            sum = s.sum;
            count = s.count;
          }
          long cumulative = 0;
          for (int i = 0; i < bounds.length; i++) {
            cumulative += counts[i];
            out.append(name)
                .append("_bucket")
                .append(
                    MetricsRegistry.labels(
                        labelNames, labels, "le", MetricsRegistry.format(bounds[i])))
                .append(' ')
                .append(cumulative)
                .append('\n');
          }
          out.append(name)
              .append("_bucket")
              .append(MetricsRegistry.labels(labelNames, labels, "le", "+Inf"))
              .append(' ')
              .append(count)
              .append('\n');
          String plain = MetricsRegistry.labels(labelNames, labels, null, null);
          out.append(name)
              .append("_sum")
              .append(plain)
              .append(' ')
              .append(MetricsRegistry.format(sum))
              .append('\n');
          out.append(name).append("_count").append(plain).append(' ').append(count).append('\n');
        });
  }

  private static final class Series {
    final long[] counts;
    double sum;
    long count;

    Series(int buckets) {
      counts = new long[buckets];
    }

    synchronized void observe(double[] bounds, double value) {
      int i = Arrays.binarySearch(bounds, value);
      int bucket = i >= 0 ? i : -i - 1;
      if (bucket < counts.length) {
        counts[bucket]++;
      }
      sum += value;
      count++;
    }
  }
}

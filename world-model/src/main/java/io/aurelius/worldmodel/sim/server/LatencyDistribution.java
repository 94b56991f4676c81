package io.aurelius.worldmodel.sim.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long the server takes to answer. Written {@code fixed:100ms} (or just {@code 100ms}), {@code
 * uniform:50ms..200ms} or {@code lognormal:100ms,0.5} (median and sigma of the underlying normal).
 */
public sealed interface LatencyDistribution {
  Duration sample(RandomGenerator random);

  String describe();

  static LatencyDistribution parse(String text) {
    requireNonNull(text, "text");
    String t = text.strip();
    try {
      if (t.startsWith("uniform:")) {
        String[] range = t.substring("uniform:".length()).split("\\.\\.", -1);
        if (range.length != 2) {
          throw new IllegalArgumentException(
              "latency: '" + text + "' (expected: uniform:MIN..MAX)");
        }
        return new Uniform(
            DurationText.parse(range[0], "latency"), DurationText.parse(range[1], "latency"));
      }
      if (t.startsWith("lognormal:")) {
        String[] parts = t.substring("lognormal:".length()).split(",", -1);
        if (parts.length != 2) {
          throw new IllegalArgumentException(
              "latency: '" + text + "' (expected: lognormal:MEDIAN,SIGMA)");
        }
        return new LogNormal(
            DurationText.parse(parts[0], "latency"), Double.parseDouble(parts[1].strip()));
      }
      return new Fixed(
          DurationText.parse(
              t.startsWith("fixed:") ? t.substring("fixed:".length()) : t, "latency"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "latency: '"
              + text
              + "' (expected: fixed:D, uniform:MIN..MAX or lognormal:MEDIAN,SIGMA)");
    }
  }

  /** Always the same delay. */
  record Fixed(Duration delay) implements LatencyDistribution {
    public Fixed {
      requireNonNull(delay, "delay");
    }

    @Override
    public Duration sample(RandomGenerator random) {
      return delay;
    }

    @Override
    public String describe() {
      return "fixed:" + DurationText.format(delay);
    }
  }

  /** Uniform between two delays. */
  record Uniform(Duration min, Duration max) implements LatencyDistribution {
    public Uniform {
      if (min.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "latency: uniform " + min + ".." + max + " (expected: min <= max)");
      }
    }

    @Override
    public Duration sample(RandomGenerator random) {
      long span = max.toNanos() - min.toNanos();
      return min.plusNanos(span == 0 ? 0 : (long) (random.nextDouble() * span));
    }

    @Override
    public String describe() {
      return "uniform:" + DurationText.format(min) + ".." + DurationText.format(max);
    }
  }

  /**
   * Log-normal around a median: a few slow answers in a crowd of quick ones, as real servers do.
   */
  record LogNormal(Duration median, double sigma) implements LatencyDistribution {
    public LogNormal {
      if (!(sigma >= 0 && sigma <= 5)) {
        throw new IllegalArgumentException("latency: sigma " + sigma + " (expected: 0..5)");
      }
    }

    @Override
    public Duration sample(RandomGenerator random) {
      double factor = Math.exp(sigma * random.nextGaussian());
      return Duration.ofNanos((long) Math.min(median.toNanos() * factor, 600e9));
    }

    @Override
    public String describe() {
      return "lognormal:" + DurationText.format(median) + "," + sigma;
    }
  }
}

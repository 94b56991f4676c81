package io.aurelius.node.cli.judge;

import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.sim.server.DurationText;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How judge calls run, for every command that judges ({@code judge}, {@code score}, {@code
 * validator run}): {@code --judge-threads}, {@code --judge-endpoint-concurrency}, {@code
 * --judge-timeout}, {@code --judge-attempts}. A picocli mixin; a bad value is a one-line user error
 * naming its flag.
 */
public final class JudgeCallOptions {
  @Option(
      names = "--judge-threads",
      paramLabel = "N",
      defaultValue = "4",
      description = "Judge calls in flight at once across the panel (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--judge-endpoint-concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description = "Judge calls in flight per model endpoint at most (default: ${DEFAULT-VALUE}).")
  int endpointConcurrency;

  @Option(
      names = "--judge-timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "Time one judge call may take, e.g. 30s (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--judge-attempts",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Tries per judge endpoint on 429, 5xx and timeouts, with backoff, before failing over "
              + "(default: ${DEFAULT-VALUE}).")
  int attempts;

  public int threads() {
    if (threads < 1 || threads > 256) {
      throw new UserInputException("--judge-threads: " + threads + " (expected: 1..256)");
    }
    return threads;
  }

  public int endpointConcurrency() {
    if (endpointConcurrency < 1 || endpointConcurrency > 4096) {
      throw new UserInputException(
          "--judge-endpoint-concurrency: " + endpointConcurrency + " (expected: 1..4096)");
    }
    return endpointConcurrency;
  }

  public int attempts() {
    if (attempts < 1 || attempts > 20) {
      throw new UserInputException("--judge-attempts: " + attempts + " (expected: 1..20)");
    }
    return attempts;
  }

  public Duration timeout() {
    Duration t;
    try {
      t = DurationText.parse(timeout, "--judge-timeout");
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    if (t.isZero() || t.compareTo(Duration.ofHours(1)) > 0) {
      throw new UserInputException(
          "--judge-timeout: " + timeout + " (expected: more than 0, at most 1h)");
    }
    return t;
  }

  /** The endpoint policy of judge calls: per-endpoint concurrency, timeout and tries. */
  public EndpointPolicy policy() {
    EndpointPolicy d = EndpointPolicy.DEFAULT;
    return d.withMaxConcurrency(endpointConcurrency())
        .withTimeout(timeout())
        .withAttempts(attempts(), d.backoffBase(), d.backoffMax());
  }
}

package io.aurelius.node.cli.validator;

import io.aurelius.judge.api.JudgeSetup;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.sim.server.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A validator's judges and how their calls run: {@code --judge}, {@code --dlv-threshold},
 * {@code --judge-threads}, {@code --judge-endpoint-concurrency}, {@code --judge-timeout},
 * {@code --judge-attempts}, and how peers' aenes are judged again ({@code --rejudge-rate},
 * {@code --rejudge-workers}). A picocli mixin; each is also an {@code AURELIUS_*} variable and a
 * config-file key.
 */
public final class JudgingOptions {
  @Option(names = "--judge", paramLabel = "SPEC", split = ",", defaultValue = "embedded,sim",
      description = "Judges: embedded, sim, openai:URL#MODEL or ollama:URL#MODEL ('|' between failover endpoints "
          + "of one judge) (default: ${DEFAULT-VALUE}).")
  List<String> judges = new ArrayList<>();

  @Option(names = "--dlv-threshold", paramLabel = "X", defaultValue = "0.4",
      description = "The DLV gate for ranking and for approving aenes (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--judge-threads", paramLabel = "N", defaultValue = "4",
      description = "Judge calls in flight at once across the panel (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--judge-endpoint-concurrency", paramLabel = "N", defaultValue = "16",
      description = "Judge calls in flight per model endpoint at most (default: ${DEFAULT-VALUE}).")
  int endpointConcurrency;

  @Option(names = "--judge-timeout", paramLabel = "DURATION", defaultValue = "60s",
      description = "Time one judge call may take, e.g. 30s (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--judge-attempts", paramLabel = "N", defaultValue = "3",
      description = "Tries per judge endpoint on 429, 5xx and timeouts, with backoff, before failing over "
          + "(default: ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--rejudge-rate", paramLabel = "X", defaultValue = "1.0",
      description = "Share of peers' aenes this validator judges again; the rest are endorsed while the peer's "
          + "reputation holds (default: ${DEFAULT-VALUE}).")
  double rejudgeRate;

  @Option(names = "--rejudge-workers", paramLabel = "N", defaultValue = "2",
      description = "Batches of peers' aenes judged again at once; their calls share --judge-threads "
          + "(default: ${DEFAULT-VALUE}).")
  int rejudgeWorkers;

  /** The judges' setup with {@code apiKey}; a bad value is a one-line user error naming its flag. */
  JudgeSetup setup(Optional<String> apiKey) {
    if (judges.isEmpty()) {
      throw new UserInputException("--judge: none given (expected: embedded, sim or an LLM endpoint)");
    }
    check(threshold >= 0 && threshold <= 1, "--dlv-threshold: " + threshold + " (expected: 0..1)");
    check(threads >= 1 && threads <= 1024, "--judge-threads: " + threads + " (expected: 1..1024)");
    check(endpointConcurrency >= 1 && endpointConcurrency <= 4096,
        "--judge-endpoint-concurrency: " + endpointConcurrency + " (expected: 1..4096)");
    check(attempts >= 1 && attempts <= 20, "--judge-attempts: " + attempts + " (expected: 1..20)");
    Duration t;
    try {
      t = DurationText.parse(timeout, "--judge-timeout");
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    check(!t.isZero() && t.compareTo(Duration.ofHours(1)) <= 0,
        "--judge-timeout: " + timeout + " (expected: more than 0, at most 1h)");
    try {
      return new JudgeSetup(judges, threshold, threads, endpointConcurrency, t, attempts, apiKey);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--" + e.getMessage());
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new UserInputException(message);
    }
  }

  double rejudgeRate() {
    if (!(rejudgeRate >= 0 && rejudgeRate <= 1)) {
      throw new UserInputException("--rejudge-rate: " + rejudgeRate + " (expected: 0..1)");
    }
    return rejudgeRate;
  }

  int rejudgeWorkers() {
    if (rejudgeWorkers < 1 || rejudgeWorkers > 64) {
      throw new UserInputException("--rejudge-workers: " + rejudgeWorkers + " (expected: 1..64)");
    }
    return rejudgeWorkers;
  }
}

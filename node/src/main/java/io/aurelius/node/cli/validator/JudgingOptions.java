package io.aurelius.node.cli.validator;

import io.aurelius.judge.api.JudgeSetup;
import io.aurelius.judge.gate.QualityGate;
import io.aurelius.judge.ranking.RankingPolicy;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.judge.JudgeCallOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A validator's judges and how their calls run: {@code --judge}, {@code --dlv-threshold}, {@code
 * --min-decisions}, the {@link JudgeCallOptions}, and how peers' aenes are judged again ({@code
 * --rejudge-rate}, {@code --rejudge-workers}). A picocli mixin; each is also an {@code AURELIUS_*}
 * variable and a config-file key.
 */
public final class JudgingOptions {
  @Option(
      names = "--judge",
      paramLabel = "SPEC",
      split = ",",
      defaultValue = "embedded,sim",
      description =
          "Judges: embedded, sim, openai:URL#MODEL or ollama:URL#MODEL ('|' between failover endpoints "
              + "of one judge) (default: ${DEFAULT-VALUE}).")
  List<String> judges = new ArrayList<>();

  @Option(
      names = "--dlv-threshold",
      paramLabel = "X",
      defaultValue = "0.4",
      description = "The DLV gate for ranking and for approving aenes (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--quality-gate",
      paramLabel = "P",
      defaultValue = "" + QualityGate.DEFAULT_THRESHOLD,
      description =
          "Admission refuses a configuration whose quality gate probability of GOOD is below P; 0 turns "
              + "the gate off (default: ${DEFAULT-VALUE}).")
  double qualityGate;

  @Option(
      names = "--min-decisions",
      paramLabel = "N",
      defaultValue = "" + RankingPolicy.DEFAULT_MIN_DECISIONS,
      description =
          "A configuration's DLV counts at least N decisions per seed, the missing ones as 0; 0 turns "
              + "the rule off. Validators must agree on it, as on --dlv-threshold (default: ${DEFAULT-VALUE}).")
  int minDecisions;

  @Mixin JudgeCallOptions calls;

  @Option(
      names = "--rejudge-rate",
      paramLabel = "X",
      defaultValue = "1.0",
      description =
          "Share of peers' aenes this validator judges again; the rest are endorsed while the peer's "
              + "reputation holds (default: ${DEFAULT-VALUE}).")
  double rejudgeRate;

  @Option(
      names = "--rejudge-workers",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Batches of peers' aenes judged again at once; their calls share --judge-threads "
              + "(default: ${DEFAULT-VALUE}).")
  int rejudgeWorkers;

  /**
   * The judges' setup with {@code apiKey}; a bad value is a one-line user error naming its flag.
   */
  JudgeSetup setup(Optional<String> apiKey) {
    if (judges.isEmpty()) {
      throw new UserInputException(
          "--judge: none given (expected: embedded, sim or an LLM endpoint)");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new UserInputException("--dlv-threshold: " + threshold + " (expected: 0..1)");
    }
    if (!(qualityGate >= 0 && qualityGate < 1)) {
      throw new UserInputException("--quality-gate: " + qualityGate + " (expected: 0 <= P < 1)");
    }
    if (minDecisions < 0 || minDecisions > RankingPolicy.MAX_MIN_DECISIONS) {
      throw new UserInputException(
          "--min-decisions: "
              + minDecisions
              + " (expected: 0.."
              + RankingPolicy.MAX_MIN_DECISIONS
              + ")");
    }
    JudgeSetup setup;
    try {
      setup =
          new JudgeSetup(
              judges,
              threshold,
              calls.threads(),
              calls.endpointConcurrency(),
              calls.timeout(),
              calls.attempts(),
              apiKey,
              qualityGate,
              minDecisions);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--" + e.getMessage());
    }
    return setup;
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

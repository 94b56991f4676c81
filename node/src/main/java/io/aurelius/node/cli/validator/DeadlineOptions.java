package io.aurelius.node.cli.validator;

import io.aurelius.node.cli.UserInputException;
import io.aurelius.validator.service.Deadlines;
import io.aurelius.worldmodel.sim.server.DurationText;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How long each wait of a validator's epoch may take: {@code --query-timeout} (miners), {@code
 * --config-budget-seconds} (one configuration's runs), {@code --verdict-timeout} (peers re-judging
 * this validator's proposals), {@code --consensus-wait} (their certificates) and {@code
 * --cosign-timeout}. A picocli mixin.
 */
public final class DeadlineOptions {
  @Option(
      names = "--query-timeout",
      paramLabel = "DURATION",
      defaultValue = "12s",
      description = "Time miners have to answer a query (default: ${DEFAULT-VALUE}).")
  String query;

  @Option(
      names = "--config-budget-seconds",
      paramLabel = "N",
      defaultValue = "300",
      description = "Time one configuration's runs may take together (default: ${DEFAULT-VALUE}).")
  long configBudget;

  @Option(
      names = "--verdict-timeout",
      paramLabel = "DURATION",
      defaultValue = "15m",
      description =
          "Time peers have to re-judge this validator's proposals with their own judges "
              + "(default: ${DEFAULT-VALUE}).")
  String verdicts;

  @Option(
      names = "--consensus-wait",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "Time to wait for peers' certificates after the exchange (default: ${DEFAULT-VALUE}).")
  String consensus;

  @Option(
      names = "--cosign-timeout",
      paramLabel = "DURATION",
      defaultValue = "20s",
      description =
          "Time each peer has to cosign the new corpus checkpoint (default: ${DEFAULT-VALUE}).")
  String cosign;

  Deadlines deadlines() {
    if (configBudget < 1 || configBudget > 86_400) {
      throw new UserInputException(
          "--config-budget-seconds: " + configBudget + " (expected: 1..86400)");
    }
    return new Deadlines(
        parse(query, "--query-timeout"),
        Duration.ofSeconds(configBudget),
        parse(verdicts, "--verdict-timeout"),
        parse(consensus, "--consensus-wait"),
        parse(cosign, "--cosign-timeout"));
  }

  private static Duration parse(String text, String flag) {
    Duration d;
    try {
      d = DurationText.parse(text, flag);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    if (d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
      throw new UserInputException(flag + ": " + text + " (expected: more than 0, at most 1 day)");
    }
    return d;
  }
}

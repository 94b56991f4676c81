package io.aurelius.node.cli.miner;

import io.aurelius.config.validation.Limits;
import io.aurelius.miner.intake.IntakePolicy;
import io.aurelius.node.cli.UserInputException;
import picocli.CommandLine.Option;

/**
 * What the miner accepts into its library and serves, shared by {@code add}, {@code fork} and
 * {@code run}: strict lint by default, because validators refuse configurations whose immersive
 * text reveals the test, so serving one only wastes the validator's query.
 */
final class IntakeOptions {
  @Option(
      names = "--strict-lint-enabled",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description =
          "Refuse configurations with opacity-lint findings (default: ${DEFAULT-VALUE}); "
              + "with =false they are accepted with warnings.")
  private boolean strictLint;

  @Option(
      names = "--max-config-bytes",
      paramLabel = "N",
      defaultValue = "" + Limits.MAX_DOCUMENT_BYTES,
      description = "Largest configuration, in canonical JSON bytes (default: ${DEFAULT-VALUE}).")
  private int maxBytes;

  IntakePolicy policy() {
    try {
      return new IntakePolicy(strictLint, maxBytes);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(
          "--max-config-bytes: " + maxBytes + " (expected: 1.." + Limits.MAX_DOCUMENT_BYTES + ")",
          e);
    }
  }
}

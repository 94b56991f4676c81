package io.aurelius.node.cli.chain;

import picocli.CommandLine.Option;

/** How long a submitting command waits for a running chain's receipt. */
final class SubmitOptions {
  @Option(
      names = "--wait-seconds",
      paramLabel = "N",
      defaultValue = "60",
      description =
          "How long to wait for a running chain to seal the extrinsic (default: ${DEFAULT-VALUE}).")
  long waitSeconds;
}

package io.aurelius.node.cli.validator;

import io.aurelius.validator.trust.TrustPolicy;
import picocli.CommandLine.Option;

/**
 * Proof-of-Trust settings: {@code --trust-rate} (α), {@code --trust-decay}, {@code
 * --trust-weight-floor} and {@code --trust-weight-ceiling} (the bounds of f in quorum weight =
 * stake × f(trust)). A picocli mixin.
 */
public final class TrustWeightOptions {
  @Option(
      names = "--trust-rate",
      paramLabel = "ALPHA",
      defaultValue = "1.0",
      description =
          "α: trust moves by α·[ln q(y) − ln p_market(y)] per decided aene (default:"
              + " ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--trust-decay",
      paramLabel = "SHARE",
      defaultValue = "0.1",
      description =
          "Share of positive trust a validator loses in an epoch it gives no verdict in (default:"
              + " ${DEFAULT-VALUE}).")
  double decay;

  @Option(
      names = "--trust-weight-floor",
      paramLabel = "FACTOR",
      defaultValue = "0.25",
      description =
          "The least a validator's stake counts in the corpus quorum, as a factor (default:"
              + " ${DEFAULT-VALUE}).")
  double floor;

  @Option(
      names = "--trust-weight-ceiling",
      paramLabel = "FACTOR",
      defaultValue = "2.0",
      description =
          "The most a validator's stake counts in the corpus quorum, as a factor (default:"
              + " ${DEFAULT-VALUE}).")
  double ceiling;

  /**
   * @throws IllegalArgumentException naming the setting (without its dashes)
   */
  TrustPolicy policy() {
    return new TrustPolicy(rate, decay, floor, ceiling);
  }
}

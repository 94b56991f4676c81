package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.subtensor.SubtensorNetwork;
import io.aurelius.node.cli.UserInputException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A subnet on a Subtensor (Bittensor) chain: {@code --network finney|test|local|ws(s)://HOST:PORT}
 * and {@code --netuid N}. Without {@code --network} a command keeps the embedded dev chain.
 */
public final class NetworkOptions {
  @Option(
      names = "--network",
      paramLabel = "NETWORK",
      description =
          "A Subtensor network: finney, test, local (ws://127.0.0.1:9944) or ws(s)://HOST:PORT "
              + "(default: the embedded dev chain).")
  private String network;

  @Option(
      names = "--netuid",
      paramLabel = "N",
      description = "The subnet on --network (required with it).")
  private Integer netuid;

  /** The subnet named on the command line, if any. */
  public Optional<Subnet> subnet() {
    if (network == null || network.isBlank()) {
      if (netuid != null) {
        throw new UserInputException(
            "--netuid: given without --network (expected: --network finney|test|local|ws(s)://HOST:PORT)");
      }
      return Optional.empty();
    }
    SubtensorNetwork parsed;
    try {
      parsed = SubtensorNetwork.parse(network);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--network: " + e.getMessage(), e);
    }
    if (netuid == null) {
      throw new UserInputException(
          "--netuid: missing (expected: the subnet's netuid with --network)");
    }
    if (netuid < 0 || netuid > 0xffff) {
      throw new UserInputException("--netuid: " + netuid + " (expected: 0..65535)");
    }
    return Optional.of(new Subnet(parsed, netuid));
  }

  /** A network and a netuid on it. */
  public record Subnet(SubtensorNetwork network, int netuid) {}
}

package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.service.ChainJson;
import io.aurelius.core.chain.subtensor.SubnetMetagraph;
import io.aurelius.core.chain.subtensor.SubtensorChain;
import io.aurelius.core.json.Json;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius chain metagraph}: every UID with its stake, permit and last epoch's results. */
@Command(
    name = "metagraph",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the dev chain's metagraph: per UID its hotkey, role, stake, validator permit, "
          + "consensus (C), validator trust (Tv), incentive (I), dividends (D), last emission and endpoint.",
      "Asks the running chain (local, or --chain-endpoint), else replays the local chain dir;"
          + " with --network and --netuid, the subnet on Subtensor (Bittensor)."
    })
final class MetagraphCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;
  @Mixin private ChainConnectOptions connect;
  @Mixin private NetworkOptions network;

  @Option(names = "--json", description = "Same as --format json.")
  private boolean json;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (json includes weights; default: ${DEFAULT-VALUE}).")
  private String format;

  private final CliContext context;

  MetagraphCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws JsonProcessingException {
    if (!format.equals("table") && !format.equals("json")) {
      throw new UserInputException("--format: '" + format + "' (expected: table or json)");
    }
    if (json) {
      format = "json";
    }
    Optional<NetworkOptions.Subnet> subnet = network.subnet();
    if (subnet.isPresent()) {
      return subtensor(subnet.get());
    }
    boolean withWeights = format.equals("json");
    Metagraph m =
        ChainAccess.read(context, dirOptions, connect, chain -> chain.metagraph(withWeights));
    PrintWriter out = context.out();
    if (format.equals("json")) {
      out.println(Json.prettyWriter().writeValueAsString(ChainJson.metagraph(m)));
      return ExitCode.OK;
    }
    out.println("netuid " + m.netuid() + ", block " + m.block() + ", " + m.size() + " UIDs");
    out.printf(
        "%4s  %-12s %-9s %14s %6s %6s %8s %8s %8s %8s %12s  %s%n",
        "UID",
        "HOTKEY",
        "ROLE",
        "STAKE",
        "PERMIT",
        "ACTIVE",
        "C",
        "TV",
        "I",
        "D",
        "EMISSION",
        "ENDPOINT");
    for (NeuronInfo n : m.neurons()) {
      out.printf(
          Locale.ROOT,
          "%4d  %-12s %-9s %14d %6s %6s %8.5f %8.5f %8.5f %8.5f %12d  %s%n",
          n.uid(),
          n.hotkey().shortForm(),
          n.role().wireName(),
          n.stake(),
          n.validatorPermit() ? "yes" : "-",
          n.active() ? "yes" : "-",
          n.consensus(),
          n.validatorTrust(),
          n.incentive(),
          n.dividends(),
          n.emission(),
          n.endpoint().serving() ? n.endpoint() : "-");
    }
    return ExitCode.OK;
  }

  /** The subnet on Subtensor: progress lines, then the table or the JSON. */
  private int subtensor(NetworkOptions.Subnet subnet) throws JsonProcessingException {
    try (SubtensorChain chain = SubtensorSession.open(context, subnet)) {
      SubnetMetagraph m = chain.subnet();
      if (format.equals("json")) {
        context.out().println(Json.prettyWriter().writeValueAsString(SubnetPrinter.json(m)));
      } else {
        SubnetPrinter.table(context.out(), m);
      }
      return ExitCode.OK;
    } catch (ChainUnavailableException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }
}

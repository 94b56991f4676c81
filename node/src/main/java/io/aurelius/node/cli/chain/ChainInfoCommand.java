package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.VersionProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aurelius chain info}: which chain it is and where it stands. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Show the dev chain's id, subnet, head block, size, weight setting and authority.")
final class ChainInfoCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;
  @Mixin private ChainConnectOptions connect;

  private final CliContext context;

  ChainInfoCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    record Facts(ChainInfo info, int uids) {}
    Facts facts =
        ChainAccess.read(
            context,
            dirOptions,
            connect,
            chain -> new Facts(chain.info(), chain.metagraph().size()));
    ChainInfo info = facts.info();
    PrintWriter out = context.out();
    out.println("chain id:       " + info.chainId());
    out.println("netuid:         " + info.netuid());
    out.println(
        "tempo:          "
            + info.tempo()
            + " (a block every "
            + info.blockIntervalMillis()
            + " ms)");
    out.println("head:           block " + info.head());
    out.println("uids:           " + facts.uids());
    out.println("weights:        " + describe(info.weightSetting()));
    out.println("authority:      " + info.authority());
    return ExitCode.OK;
  }

  private static String describe(WeightSetting setting) {
    if (setting instanceof WeightSetting.CommitReveal cr) {
      return "commit, then reveal "
          + cr.revealPeriodEpochs()
          + " epoch(s) later; one commit per "
          + cr.rateLimitBlocks()
          + " blocks";
    }
    return "set directly, once per "
        + ((WeightSetting.Direct) setting).rateLimitBlocks()
        + " blocks";
  }
}

package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.VersionProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aurelius chain info}: what chain the data dir holds and where it stands. */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Show the dev chain's id, subnet, head block, weight setting and authority.")
final class ChainInfoCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;

  private final CliContext context;

  ChainInfoCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    ChainDataDir dir = dirOptions.dir(context);
    try (DevChain chain = ReadChain.open(dir)) {
      ChainInfo info = chain.info();
      PrintWriter out = context.out();
      out.println("chain id:       " + info.chainId());
      out.println("netuid:         " + info.netuid());
      out.println("tempo:          " + info.tempo() + " (a block every " + info.blockIntervalMillis() + " ms)");
      out.println("head:           block " + info.head());
      out.println("uids:           " + chain.metagraph().size() + " of " + chain.params().maxUids());
      out.println("weights:        " + describe(info.weightSetting()));
      out.println("issuance:       " + chain.issuance());
      out.println("authority:      " + info.authority());
      out.println("running:        " + (dir.isLocked() ? "yes" : "no"));
      out.println("data dir:       " + dir.root());
    }
    return ExitCode.OK;
  }

  private static String describe(WeightSetting setting) {
    if (setting instanceof WeightSetting.CommitReveal cr) {
      return "commit, then reveal " + cr.revealPeriodEpochs() + " epoch(s) later; one commit per "
          + cr.rateLimitBlocks() + " blocks";
    }
    return "set directly, once per " + ((WeightSetting.Direct) setting).rateLimitBlocks() + " blocks";
  }
}

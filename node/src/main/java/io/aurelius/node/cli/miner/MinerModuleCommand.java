package io.aurelius.node.cli.miner;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aurelius miner module}: the world-model modules this miner submits. */
@Command(
    name = "module",
    mixinStandardHelpOptions = true,
    description = {
      "The world-model modules this miner submits to validators (<home>/miner/modules): "
          + "add validates and signs them, list shows them."
    },
    subcommands = {MinerModuleAddCommand.class, MinerModuleListCommand.class})
final class MinerModuleCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec private CommandSpec spec;

  MinerModuleCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    context.out().flush();
    return ExitCode.OK;
  }
}

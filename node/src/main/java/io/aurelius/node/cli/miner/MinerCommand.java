package io.aurelius.node.cli.miner;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aurelius miner}: the miner's configuration library and the miner node. */
@Command(
    name = "miner",
    mixinStandardHelpOptions = true,
    description = {
      "Keep a library of scenario configurations (<home>/miner/library.git) and "
          + "serve them to validators as signed submissions."
    },
    subcommands = {
      MinerAddCommand.class,
      MinerListCommand.class,
      MinerForkCommand.class,
      MinerModuleCommand.class,
      MinerRunCommand.class
    })
public final class MinerCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec private CommandSpec spec;

  public MinerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    context.out().flush();
    return ExitCode.OK;
  }
}

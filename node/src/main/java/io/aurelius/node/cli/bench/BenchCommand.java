package io.aurelius.node.cli.bench;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bench} group: speed figures, each as a ratio against a same-run baseline. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed; every figure is printed beside a baseline measured in the same run.",
    subcommands = {ProtocolBenchCommand.class, WorldModelBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {
  private final CliContext context;

  public BenchCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(context.out());
    return ExitCode.OK;
  }
}

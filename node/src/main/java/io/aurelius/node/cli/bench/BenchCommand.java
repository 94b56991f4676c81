package io.aurelius.node.cli.bench;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aurelius bench}: the benchmark group. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks; each prints its figures as ratios to a baseline measured in the same run.",
    subcommands = {
      CorpusBenchCommand.class,
      MerkleBenchCommand.class,
      ProtocolBenchCommand.class,
      WorldModelBenchCommand.class
    })
public final class BenchCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  public BenchCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    return ExitCode.OK;
  }
}

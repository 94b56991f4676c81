package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aurelius corpus}: the corpus and covenant logs. */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    description = "Create, append to, timestamp, verify and export the corpus and covenant logs.",
    subcommands = {
      InitCommand.class,
      AppendCommand.class,
      VerifyCommand.class,
      ExportCommand.class,
      VerifyRecordCommand.class,
      StampCommand.class,
      CosignCommand.class,
      BurnCommand.class,
      KeyCommand.class,
      AllowedSignersCommand.class
    })
public final class CorpusCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  public CorpusCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    return ExitCode.OK;
  }
}

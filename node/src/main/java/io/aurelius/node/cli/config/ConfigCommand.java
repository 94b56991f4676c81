package io.aurelius.node.cli.config;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aurelius config}: scenario configurations. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Write, validate, lint, identify, fork and convert scenario configurations.",
    subcommands = {
      ValidateCommand.class,
      LintCommand.class,
      IdCommand.class,
      SchemaCommand.class,
      ForkCommand.class,
      LineageCommand.class,
      ImportV1Command.class,
      ExportV1Command.class,
      CatalogueCommand.class
    })
public final class ConfigCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec private CommandSpec spec;

  public ConfigCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    context.out().flush();
    return ExitCode.OK;
  }
}

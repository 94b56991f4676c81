package io.aurelius.node.cli.config;

import io.aurelius.config.schema.ConfigSchema;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aurelius config schema}: the JSON Schema of the format. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema (draft 2020-12) of the aurelius.config/1 format.")
final class SchemaCommand implements Callable<Integer> {
  private final CliContext context;

  SchemaCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.out().print(ConfigSchema.text());
    context.out().flush();
    return ExitCode.OK;
  }
}

package io.aurelius.node.cli.module;

import io.aurelius.config.schema.ModuleSchema;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aurelius module schema}. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema (draft 2020-12) of the aurelius.module/1 format.")
final class ModuleSchemaCommand implements Callable<Integer> {
  private final CliContext context;

  ModuleSchemaCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.out().print(ModuleSchema.text());
    context.out().flush();
    return ExitCode.OK;
  }
}

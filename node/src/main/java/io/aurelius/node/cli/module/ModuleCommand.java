package io.aurelius.node.cli.module;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aurelius module}: world-model modules. */
@Command(
    name = "module",
    mixinStandardHelpOptions = true,
    description =
        "Validate, identify, fork and adopt world-model modules (mechanic packs, memory "
            + "policies, framing packs); see docs/world-model.md.",
    subcommands = {
      ModuleValidateCommand.class,
      ModuleIdCommand.class,
      ModuleForkCommand.class,
      ModuleLineageCommand.class,
      ModuleSchemaCommand.class,
      ModuleShippedCommand.class,
      ModuleAdoptCommand.class,
      ModuleRegistryCommand.class,
      ModuleTrialCommand.class
    })
public final class ModuleCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec private CommandSpec spec;

  public ModuleCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    context.out().flush();
    return ExitCode.OK;
  }
}

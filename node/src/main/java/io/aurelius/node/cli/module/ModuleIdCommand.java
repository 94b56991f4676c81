package io.aurelius.node.cli.module;

import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aurelius module id FILE}. */
@Command(
    name = "id",
    mixinStandardHelpOptions = true,
    description =
        "Print the module id: SHA-256 of its RFC 8785 canonical JSON without the signature "
            + "block (the same rule as configurations). The file must be valid.")
final class ModuleIdCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "Module file (JSON).")
  private String file;

  ModuleIdCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<Module> m = ModuleFiles.load(context, file, ModuleSet.BASE);
    if (m.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    context.out().println(m.get().id().hex());
    context.out().flush();
    return ExitCode.OK;
  }
}

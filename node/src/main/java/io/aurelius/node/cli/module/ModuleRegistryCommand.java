package io.aurelius.node.cli.module;

import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aurelius module registry DIR}: verifies and lists a world-model registry. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description =
        "Replay a world-model registry (every adoption re-checked, every signature verified) and "
            + "list its versions. Exit 2 if it does not replay.")
final class ModuleRegistryCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "DIR", description = "The registry directory.")
  private String dir;

  ModuleRegistryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ModuleRegistry r = ModuleFiles.open(context, dir);
    for (Adoption a : r.adoptions()) {
      context
          .out()
          .println(
              a.version()
                  + " "
                  + a.module().kind().json()
                  + " "
                  + a.module().name()
                  + " "
                  + a.module().id().hex()
                  + " signed by "
                  + a.signatures().size());
    }
    context.out().println("current: " + r.set().version());
    context.out().flush();
    return ExitCode.OK;
  }
}

package io.aurelius.node.cli.module;

import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius module validate FILE... [--registry DIR]}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate module files: structure, limits, namespace, every CEL expression and template in "
          + "the configuration sandbox, declared state, opacity, signature, and (against the "
          + "adopted set of --registry) name collisions, requirements and loops.",
      "One line per problem: FILE: $.path: [reason] what (expected: ...). Exit 2 if any is refused."
    })
final class ModuleValidateCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Module files (JSON).")
  private List<String> files = new ArrayList<>();

  @Option(
      names = "--registry",
      paramLabel = "DIR",
      description = "A world-model registry directory; default: the base world model.")
  private String registry;

  ModuleValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ModuleSet adopted = ModuleFiles.adopted(context, registry);
    boolean all = true;
    for (String file : files) {
      Optional<Module> m = ModuleFiles.load(context, file, adopted);
      m.ifPresent(
          x ->
              context
                  .out()
                  .println(
                      file
                          + ": valid "
                          + x.kind().json()
                          + " "
                          + x.name()
                          + ", id "
                          + x.id().hex()));
      all &= m.isPresent();
    }
    context.out().flush();
    return all ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}

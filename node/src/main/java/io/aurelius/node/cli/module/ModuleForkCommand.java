package io.aurelius.node.cli.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.lineage.Fork;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.Modules;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius module fork FILE}: a new module whose parent is FILE's id. */
@Command(
    name = "fork",
    mixinStandardHelpOptions = true,
    description = {
      "Fork a module: copy it without its signature, apply an RFC 7396 merge patch and a new "
          + "name or title, set parent to the source's id, validate it (against --registry), "
          + "and write it. A fork keeping its name replaces its parent when adopted.",
      "Nothing is written unless the fork is valid."
    })
final class ModuleForkCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The source module (JSON).")
  private String file;

  @Option(names = "--out", paramLabel = "OUT", description = "Write the fork here (a new file).")
  private String out;

  @Option(names = "--set-name", paramLabel = "NAME", description = "The fork's name.")
  private String name;

  @Option(names = "--set-title", paramLabel = "TITLE", description = "The fork's title.")
  private String title;

  @Option(names = "--patch", paramLabel = "PATCH", description = "A JSON merge patch file.")
  private String patch;

  @Option(names = "--registry", paramLabel = "DIR", description = "A world-model registry.")
  private String registry;

  ModuleForkCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    JsonNode source = ModuleFiles.document(context, file);
    Optional<JsonNode> mergePatch =
        Optional.ofNullable(patch).map(p -> ModuleFiles.document(context, p));
    ObjectNode fork;
    try {
      fork =
          Fork.of(
              source,
              new Fork.Changes(mergePatch, Optional.ofNullable(name), Optional.ofNullable(title)));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    String label = out == null ? "fork" : out;
    Optional<Module> valid =
        ModuleFiles.report(
            context, label, Modules.validate(fork, ModuleFiles.adopted(context, registry)));
    if (valid.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    io.aurelius.node.cli.config.ConfigFiles.write(context, Optional.ofNullable(out), fork);
    context
        .err()
        .println(
            label
                + ": id "
                + valid.get().id().hex()
                + ", parent "
                + ConfigDocuments.id(source).hex());
    context.err().flush();
    return ExitCode.OK;
  }
}

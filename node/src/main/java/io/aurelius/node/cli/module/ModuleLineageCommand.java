package io.aurelius.node.cli.module;

import io.aurelius.config.lineage.DirectoryStore;
import io.aurelius.config.lineage.Lineage;
import io.aurelius.core.hash.ContentId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius module lineage FILE --store DIR}: the chain of parents. */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = {
      "Walk a module's parents through a directory of module files (indexed by content id). "
          + "Prints one id per line, the file's own first, then how the walk ended. Exit 1 if a "
          + "parent is missing."
    })
final class ModuleLineageCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The module (JSON).")
  private String file;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      required = true,
      description = "Directory of known modules (*.json).")
  private String store;

  ModuleLineageCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path dir = context.resolve(Path.of(store));
    if (!Files.isDirectory(dir)) {
      throw new UserInputException(store + ": not a directory (expected: a directory of modules)");
    }
    DirectoryStore known = DirectoryStore.scan(dir);
    Lineage lineage = Lineage.walk(ModuleFiles.document(context, file), known);
    for (ContentId id : lineage.chain()) {
      context.out().println(id.hex());
    }
    Lineage.End end = lineage.end();
    String how =
        end instanceof Lineage.End.Root
            ? "root"
            : end instanceof Lineage.End.MissingParent m
                ? "missing parent " + m.id().hex()
                : end.toString();
    context.out().println("end: " + how);
    context.out().flush();
    return end instanceof Lineage.End.Root ? ExitCode.OK : ExitCode.FAILURE;
  }
}

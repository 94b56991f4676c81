package io.aurelius.node.cli.config;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.lineage.DirectoryStore;
import io.aurelius.config.lineage.Lineage;
import io.aurelius.core.hash.ContentId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius config lineage FILE --store DIR}: the chain of parents. */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = {
      "Walk a configuration's parents through a directory of configuration files "
          + "(indexed by content id). Prints one id per line, the file's own first, then how the "
          + "walk ended. Exit 1 if a parent is missing or the store is inconsistent."
    })
final class LineageCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The configuration (JSON).")
  private String file;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      required = true,
      description = "Directory of known configurations (*.json).")
  private String store;

  LineageCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path dir = context.resolve(Path.of(store));
    if (!Files.isDirectory(dir)) {
      throw new UserInputException(
          store + ": not a directory (expected: a directory of " + "configuration files)");
    }
    Optional<CompiledConfig> config = Documents.load(context, file);
    if (config.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    DirectoryStore known = DirectoryStore.scan(dir);
    known.skipped().forEach(s -> context.err().println(store + ": skipped " + s));
    Lineage lineage = Lineage.walk(config.get().document(), known);
    for (ContentId id : lineage.chain()) {
      context.out().println(id.hex());
    }
    Lineage.End end = lineage.end();
    String how;
    if (end instanceof Lineage.End.Root) {
      how = "root";
    } else if (end instanceof Lineage.End.MissingParent m) {
      how = "missing parent " + m.id().hex();
    } else if (end instanceof Lineage.End.Cycle c) {
      how = "cycle at " + c.id().hex();
    } else if (end instanceof Lineage.End.InvalidParent i) {
      how = "invalid parent " + i.value();
    } else {
      how = "more than " + Lineage.MAX_GENERATIONS + " generations";
    }
    context.out().println("end: " + how);
    context.out().flush();
    return end instanceof Lineage.End.Root ? ExitCode.OK : ExitCode.FAILURE;
  }
}

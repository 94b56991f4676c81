package io.aurelius.node.cli.config;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius config validate FILE...}: every problem of every file, one per line. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate configuration files: structure, limits, references and every CEL "
          + "expression. Prints one line per problem (FILE: $.path: what (expected: ...)).",
      "Exit codes: 0 all valid, 2 some file invalid or unreadable."
    })
final class ValidateCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Configuration files (JSON).")
  private List<String> files = new ArrayList<>();

  @Option(
      names = {"--catalogue-enabled", "--catalogue"},
      arity = "0..1",
      fallbackValue = "true",
      description = "Also validate the bundled scenario catalogue.")
  private boolean catalogue;

  ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (files.isEmpty() && !catalogue) {
      throw new UserInputException(
          "no files (expected: at least one FILE, or --catalogue-enabled)");
    }
    boolean allValid = true;
    for (String file : files) {
      allValid &= show(file, Documents.load(context, file));
    }
    if (catalogue) {
      for (String name : Catalogue.names()) {
        String label = "catalogue/" + name + ".json";
        allValid &=
            show(
                label,
                Documents.report(
                    context, label, ConfigLoader.validate(Catalogue.bytes(name).orElseThrow())));
      }
    }
    return allValid ? ExitCode.OK : ExitCode.BAD_INPUT;
  }

  private boolean show(String file, Optional<CompiledConfig> config) {
    config.ifPresent(c -> context.out().println(file + ": valid, id " + c.id().hex()));
    context.out().flush();
    return config.isPresent();
  }
}

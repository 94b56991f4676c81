package io.aurelius.node.cli.config;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aurelius config catalogue}: the bundled scenarios, or one of them. */
@Command(
    name = "catalogue",
    mixinStandardHelpOptions = true,
    description = "List the bundled scenarios (name, family, id, title), or print one with --show.")
final class CatalogueCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--show", paramLabel = "NAME", description = "Print this scenario's document.")
  private String show;

  CatalogueCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (show != null) {
      CompiledConfig c =
          Catalogue.load(show)
              .orElseThrow(
                  () ->
                      new UserInputException(
                          "catalogue: no scenario '"
                              + show
                              + "' (expected: one of "
                              + String.join(", ", Catalogue.names())
                              + ")"));
      ConfigFiles.write(context, Optional.empty(), c.document());
      return ExitCode.OK;
    }
    for (String name : Catalogue.names()) {
      CompiledConfig c = Catalogue.load(name).orElseThrow();
      context
          .out()
          .printf(
              "%-28s %-38s %s  %s%n",
              name,
              c.config().labels().getOrDefault("family", "-"),
              c.id().shortHex(),
              c.config().title());
    }
    context.out().flush();
    return ExitCode.OK;
  }
}

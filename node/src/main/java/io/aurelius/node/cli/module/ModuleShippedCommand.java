package io.aurelius.node.cli.module;

import io.aurelius.config.module.ShippedModules;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aurelius module shipped [--show NAME]}. */
@Command(
    name = "shipped",
    mixinStandardHelpOptions = true,
    description = "List the modules shipped with the node, or print one with --show.")
final class ModuleShippedCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--show", paramLabel = "NAME", description = "Print this module's document.")
  private String show;

  ModuleShippedCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (show != null) {
      byte[] bytes =
          ShippedModules.bytes(show)
              .orElseThrow(
                  () ->
                      new UserInputException(
                          show
                              + ": no such module (expected one of: "
                              + String.join(", ", ShippedModules.names())
                              + ")"));
      context.out().print(new String(bytes, StandardCharsets.UTF_8));
    } else {
      ShippedModules.names().forEach(context.out()::println);
    }
    context.out().flush();
    return ExitCode.OK;
  }
}

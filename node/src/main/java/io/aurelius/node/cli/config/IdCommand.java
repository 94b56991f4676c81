package io.aurelius.node.cli.config;

import io.aurelius.config.CompiledConfig;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aurelius config id FILE}: the content id (SHA-256 of the canonical form, unsigned). */
@Command(
    name = "id",
    mixinStandardHelpOptions = true,
    description =
        "Print the configuration id: SHA-256 of its RFC 8785 canonical JSON without "
            + "the signature block. The file must be valid.")
final class IdCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "Configuration file (JSON).")
  private String file;

  IdCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<CompiledConfig> config = Documents.load(context, file);
    if (config.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    context.out().println(config.get().id().hex());
    context.out().flush();
    return ExitCode.OK;
  }
}

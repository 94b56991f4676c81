package io.aurelius.node.cli.validator;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aurelius validator}: the validator node. */
@Command(
    name = "validator",
    mixinStandardHelpOptions = true,
    description = {
      "Run a validator: query miners, simulate and judge their configurations, agree on the "
          + "corpus with the other validators, anchor it, and set weights."
    },
    subcommands = {ValidatorRunCommand.class})
public final class ValidatorCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec private CommandSpec spec;

  public ValidatorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    context.out().flush();
    return ExitCode.OK;
  }
}

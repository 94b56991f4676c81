package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.verify.VerificationReport;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Verify a corpus or covenant log: every entry's inclusion, consistency between consecutive "
          + "checkpoints, checkpoint signatures and cosignature quorum, timestamps, burns and the signed git history.",
      "Exit 0 if everything holds, 1 naming the first failure, 2 if the input is not a log."
    })
final class VerifyCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PATH|URL",
      description = "A log's bare repository, or a git URL to clone it from.")
  String target;

  @Mixin TrustOptions trust;

  private final CliContext context;

  VerifyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    try (LocalLog local = LocalLog.open(target, context)) {
      VerificationReport report = trust.verify(local.log(), context);
      report.lines().forEach(context.out()::println);
      return ExitCode.OK;
    }
  }
}

package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.LogException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
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
      "The log must also be consistent with the checkpoint verified before for its origin "
          + "(remembered in <home>/corpus-seen), so a rollback, a fork or a new log key fails.",
      "Whom to trust: --trusted-keys, --covenant, or --chain-endpoint (the metagraph's validators "
          + "as witnesses, weighted by stake); when witnesses are known the latest checkpoint must "
          + "reach their quorum (--require-witnessed-enabled=false relaxes it).",
      "Exit 0 if everything holds, 1 naming the first failure, 2 if the input is not a log."
    })
final class VerifyCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PATH|URL",
      description =
          "A log's bare repository, a clone's working directory, or a git URL to clone it from.")
  String target;

  @Mixin TrustOptions trust;

  @Mixin SeenOptions seen;

  private final CliContext context;

  VerifyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    try (LocalLog local = LocalLog.open(target, context)) {
      TrustedVerification.Outcome outcome =
          TrustedVerification.run(local.log(), trust, seen, context, context.out());
      List<String> lines = new ArrayList<>(outcome.report().lines());
      lines.add(lines.size() - 1, "  seen:         " + outcome.seen());
      lines.forEach(context.out()::println);
      return ExitCode.OK;
    } catch (LogException e) {
      throw Failures.of(e);
    }
  }
}

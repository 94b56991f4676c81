package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogManifest;
import io.aurelius.anchoring.verify.KnownCheckpoint;
import io.aurelius.anchoring.verify.LogVerifier;
import io.aurelius.anchoring.verify.SeenCheckpoint;
import io.aurelius.anchoring.verify.SeenCheckpoints;
import io.aurelius.anchoring.verify.TrustPolicy;
import io.aurelius.anchoring.verify.VerificationFailure;
import io.aurelius.anchoring.verify.VerificationReport;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
      GitLog log = local.log();
      LogManifest manifest = log.head().manifest();
      SeenCheckpoints store = seen.store(context);
      Path file = store.file(manifest.origin());
      Optional<SeenCheckpoint> remembered = read(store, manifest.origin());
      TrustPolicy policy = trust.policy(manifest, context);
      if (policy.selfDeclared()) {
        policy =
            TrustPolicy.byDefault(manifest, remembered, file.toString(), seen.trustRepositoryKeys)
                .requiringWitnessed(trust.requireWitnessed);
      }
      List<KnownCheckpoint> known = new ArrayList<>();
      remembered.ifPresent(
          r -> known.add(new KnownCheckpoint(r.checkpoint(), "remembered in " + file)));
      seen.since(context).ifPresent(known::add);
      VerificationReport report = new LogVerifier(policy, trust.headers()).verify(log, known);
      String line = remember(store, file, remembered, manifest, report);
      List<String> lines = new ArrayList<>(report.lines());
      lines.add(lines.size() - 1, "  seen:         " + line);
      lines.forEach(context.out()::println);
      return ExitCode.OK;
    } catch (VerificationFailure e) {
      throw new CommandFailedException("verification failed: " + e.getMessage(), e);
    } catch (LogException e) {
      throw Failures.of(e);
    }
  }

  private static Optional<SeenCheckpoint> read(SeenCheckpoints store, String origin) {
    try {
      return store.get(origin);
    } catch (IOException e) {
      throw new CommandFailedException(
          "cannot read the checkpoint seen before: " + e.getMessage(), e);
    }
  }

  /** Keeps the larger checkpoint (and the key it was verified under); says what it did. */
  private static String remember(
      SeenCheckpoints store,
      Path file,
      Optional<SeenCheckpoint> remembered,
      LogManifest manifest,
      VerificationReport report) {
    long size = report.latest().size();
    boolean unchanged =
        remembered.isPresent()
            && remembered.get().checkpoint().size() == size
            && remembered.get().logKey().equals(manifest.logKey());
    if (!unchanged) {
      try {
        store.remember(new SeenCheckpoint(manifest.logKey(), report.latest()));
      } catch (IOException e) {
        throw new CommandFailedException(
            file + ": cannot remember checkpoint " + size + ": " + e.getMessage(), e);
      }
    }
    return remembered
        .map(
            r ->
                "consistent with checkpoint "
                    + r.checkpoint().size()
                    + " verified before; remembering "
                    + size
                    + " in "
                    + file)
        .orElse("first contact; remembering checkpoint " + size + " in " + file);
  }
}

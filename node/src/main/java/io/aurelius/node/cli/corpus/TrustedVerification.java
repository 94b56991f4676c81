package io.aurelius.node.cli.corpus;

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
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole-log verification as {@code corpus verify} runs it, shared by {@code corpus export}: the
 * trust the options name (else the key remembered for the origin, else the repository's key only
 * when asked), consistency with the checkpoint remembered for the origin and the one given with
 * {@code --since}, then remembering the latest checkpoint.
 */
final class TrustedVerification {
  private TrustedVerification() {}

  /** What was verified, and a line saying what was remembered. */
  record Outcome(VerificationReport report, String seen) {}

  /**
   * @param notes where lines about the trust on the way go (a covenant verified, a witness whose
   *     key is unknown)
   * @throws CommandFailedException naming the first check that failed
   */
  static Outcome run(
      GitLog log, TrustOptions trust, SeenOptions seen, CliContext context, PrintWriter notes)
      throws LogException {
    try {
      LogManifest manifest = log.head().manifest();
      SeenCheckpoints store = seen.store(context);
      Path file = store.file(manifest.origin());
      Optional<SeenCheckpoint> remembered = read(store, manifest.origin());
      Optional<TrustPolicy> named = trust.named(manifest, context, notes);
      TrustPolicy policy =
          named.isPresent()
              ? named.get()
              : trust.withQuorum(
                  TrustPolicy.byDefault(
                      manifest, remembered, file.toString(), seen.trustRepositoryKeys));
      List<KnownCheckpoint> known = new ArrayList<>();
      remembered.ifPresent(
          r -> known.add(new KnownCheckpoint(r.checkpoint(), "remembered in " + file)));
      seen.since(context).ifPresent(known::add);
      VerificationReport report = new LogVerifier(policy, trust.headers()).verify(log, known);
      return new Outcome(report, remember(store, file, remembered, manifest, report));
    } catch (VerificationFailure e) {
      throw new CommandFailedException("verification failed: " + e.getMessage(), e);
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

package io.aurelius.node.cli.corpus;

import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogKind;
import io.aurelius.anchoring.log.LogManifest;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.StakeThreshold;
import io.aurelius.anchoring.ots.BitcoindRpcClient;
import io.aurelius.anchoring.ots.BlockHeaderSource;
import io.aurelius.anchoring.verify.LogVerifier;
import io.aurelius.anchoring.verify.TrustPolicy;
import io.aurelius.anchoring.verify.VerificationFailure;
import io.aurelius.anchoring.verify.VerificationReport;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.chain.ChainConnectOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Whom to trust while verifying, and where Bitcoin block headers come from. */
final class TrustOptions {
  @Option(
      names = "--trusted-keys",
      paramLabel = "FILE",
      description =
          "Verifier keys to trust, one per line: the log key (type 01) and witnesses (type 04) each "
              + "optionally followed by its stake. Without it, the keys come from --chain-endpoint or --covenant, else "
              + "the key remembered for the log's origin or, with --trust-repository-keys, the repository itself.")
  String trustedKeys;

  @Option(
      names = "--covenant",
      paramLabel = "PATH|URL",
      description =
          "A covenant log whose parameters.anchoring name the corpus log keys, witnesses and quorum.")
  String covenant;

  @Option(
      names = "--witness-quorum",
      paramLabel = "FRACTION",
      defaultValue = "2/3",
      description =
          "Share of witness stake whose cosignatures make a checkpoint witnessed (with --trusted-keys; "
              + "default: ${DEFAULT-VALUE}).")
  String witnessQuorum;

  @Mixin ChainConnectOptions chain;

  @Option(
      names = "--require-witnessed-enabled",
      paramLabel = "BOOLEAN",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Fail unless the latest checkpoint reaches the witness quorum (default: true when "
              + "witnesses are known, from --chain-endpoint, --trusted-keys or --covenant; "
              + "=false relaxes it explicitly).")
  Boolean requireWitnessed;

  @Option(
      names = "--bitcoin-rpc",
      paramLabel = "URL",
      description =
          "bitcoind JSON-RPC (http://user:pass@host:8332) to check Bitcoin attestations; without it "
              + "complete timestamps are reported as unchecked, never as verified.")
  String bitcoinRpc;

  /** The block-header source, if one was configured. */
  Optional<BlockHeaderSource> headers() {
    if (bitcoinRpc == null || bitcoinRpc.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BitcoindRpcClient(URI.create(bitcoinRpc), Duration.ofSeconds(15)));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--bitcoin-rpc: " + e.getMessage());
    }
  }

  /**
   * Resolves the trust policy named by the options, requiring the witness quorum when witnesses are
   * known unless relaxed; prints a line about a covenant it verified or a witness whose key it
   * could not learn on the way. Empty when no source of trust was named.
   */
  Optional<TrustPolicy> named(LogManifest manifest, CliContext context, PrintWriter notes) {
    return named0(manifest, context, notes).map(this::withQuorum);
  }

  /** Whether the quorum is required: as asked, else whenever there are witnesses to count. */
  TrustPolicy withQuorum(TrustPolicy policy) {
    return policy.requiringWitnessed(
        requireWitnessed != null ? requireWitnessed : policy.witnesses().hasWitnesses());
  }

  private Optional<TrustPolicy> named0(
      LogManifest manifest, CliContext context, PrintWriter notes) {
    StakeThreshold threshold;
    try {
      threshold = StakeThreshold.parse(witnessQuorum);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--witness-quorum: " + e.getMessage());
    }
    Optional<ChainConnectOptions.Remote> remote = chain.remote();
    int sources =
        (trustedKeys != null ? 1 : 0) + (covenant != null ? 1 : 0) + (remote.isPresent() ? 1 : 0);
    if (sources > 1) {
      throw new UserInputException(
          "--trusted-keys, --covenant, --chain-endpoint: more than one given, as flags,"
              + " AURELIUS_* environment or --config-file (expected: one source of trust)");
    }
    if (remote.isPresent()) {
      return Optional.of(ChainWitnesses.policy(remote.get(), manifest.origin(), threshold, notes));
    }
    if (trustedKeys != null) {
      Path file = context.resolve(Path.of(trustedKeys));
      try {
        if (Files.size(file) > 1 << 20) {
          throw new UserInputException(
              file + ": larger than 1 MiB (expected: a short list of verifier keys)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return Optional.of(TrustPolicy.fromTrustedKeys(lines, threshold, file.toString()));
      } catch (IOException e) {
        throw new UserInputException(file + ": cannot read --trusted-keys: " + e.getMessage());
      } catch (MalformedNoteException e) {
        throw new UserInputException(e.getMessage());
      }
    }
    if (covenant != null && manifest.kind() == LogKind.CORPUS) {
      try (LocalLog local = LocalLog.open(covenant, context)) {
        GitLog log = local.log();
        LogManifest covenantManifest = log.head().manifest();
        if (covenantManifest.kind() != LogKind.COVENANT) {
          throw new UserInputException(
              covenant + ": a " + covenantManifest.kind().id() + " log (expected: a covenant)");
        }
        VerificationReport report =
            new LogVerifier(TrustPolicy.selfDeclared(covenantManifest), Optional.empty())
                .verify(log);
        notes.println(
            "covenant "
                + covenantManifest.origin()
                + " verified: "
                + report.latest().size()
                + " entries, key "
                + covenantManifest.logKey().format()
                + " (self-declared)");
        return Optional.of(
            TrustPolicy.fromCovenant(
                report.covenant().orElseThrow(), "covenant " + covenantManifest.origin()));
      } catch (VerificationFailure e) {
        throw new CommandFailedException("covenant " + covenant + ": " + e.getMessage(), e);
      } catch (InvalidCovenantException e) {
        throw new UserInputException(e.getMessage());
      } catch (LogException e) {
        throw new CommandFailedException(covenant + ": " + e.getMessage(), e);
      }
    }
    return Optional.empty();
  }
}

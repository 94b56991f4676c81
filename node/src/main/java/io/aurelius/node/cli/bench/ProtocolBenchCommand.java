package io.aurelius.node.cli.bench;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.transport.bench.ProtocolBenchResult;
import io.aurelius.core.transport.bench.ProtocolBenchmark;
import io.aurelius.core.transport.bench.SignatureBench;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aurelius bench protocol}: signed round trips per second on loopback with concurrent
 * clients, p50/p99 latency, beside the raw verify rate of the hotkeys' scheme in the same run; the
 * ratio of the two is the figure (target at least 0.5). Then every scheme's sign and verify times,
 * side by side.
 */
@Command(
    name = "protocol",
    mixinStandardHelpOptions = true,
    description =
        "Signed round trips per second on loopback, with p50/p99 latency, beside the "
            + "raw verify rate of the hotkeys' scheme measured in the same run; then sign and "
            + "verify times of sr25519 and ed25519.")
public final class ProtocolBenchCommand implements Callable<Integer> {
  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "Concurrent clients, each its own hotkey and connection (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--warmup-seconds",
      paramLabel = "S",
      defaultValue = "5",
      description =
          "Seconds of round trips before measuring, at least; warm-up goes on until "
              + "the JIT compiler has settled (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--max-warmup-seconds",
      paramLabel = "S",
      defaultValue = "60",
      description = "Seconds of warm-up at most, settled or not (default: ${DEFAULT-VALUE}).")
  int maxWarmupSeconds;

  @Option(
      names = "--measure-seconds",
      paramLabel = "S",
      defaultValue = "5",
      description = "Seconds of measured round trips (default: ${DEFAULT-VALUE}).")
  int measureSeconds;

  @Option(
      names = "--verify-seconds",
      paramLabel = "S",
      defaultValue = "2",
      description =
          "Seconds of raw verification, half before and half after (default: ${DEFAULT-VALUE}).")
  int verifySeconds;

  @Option(
      names = "--scheme",
      paramLabel = "SCHEME",
      description =
          "Key scheme of the round trips' hotkeys and so of the ratio's baseline: sr25519 or "
              + "ed25519 (default: sr25519, the Bittensor hotkey scheme).")
  String scheme;

  @Option(
      names = "--signature-seconds",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Seconds measured of each scheme's signing and of its verifying, in three turns "
              + "after a warm-up (default: ${DEFAULT-VALUE}).")
  int signatureSeconds;

  private final CliContext context;

  public ProtocolBenchCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  /** Figures measured after the protocol's, in the same run and printed below it. */
  static List<BenchFigure> followingFigures() {
    return List.of(new YumaFigure());
  }

  @Override
  public Integer call() throws Exception {
    ProtocolBenchmark.Settings settings;
    try {
      if (warmupSeconds < 0
          || maxWarmupSeconds < warmupSeconds
          || measureSeconds < 1
          || verifySeconds < 1) {
        throw new IllegalArgumentException(
            "--warmup-seconds "
                + warmupSeconds
                + ", --max-warmup-seconds "
                + maxWarmupSeconds
                + ", --measure-seconds "
                + measureSeconds
                + ", --verify-seconds "
                + verifySeconds
                + " (expected: warm-up at "
                + "least 0 and at most the maximum, the others at least 1)");
      }
      if (signatureSeconds < 1) {
        throw new IllegalArgumentException(
            "--signature-seconds: " + signatureSeconds + " (expected: at least 1)");
      }
      KeyScheme keyScheme = keyScheme();
      settings =
          new ProtocolBenchmark.Settings(
              clients,
              Duration.ofSeconds(warmupSeconds),
              Duration.ofSeconds(maxWarmupSeconds),
              Duration.ofSeconds(measureSeconds),
              Duration.ofSeconds(verifySeconds),
              keyScheme);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new UserInputException(
          message.startsWith("clients:") || message.startsWith("scheme ")
              ? "--" + message
              : message);
    }
    context
        .out()
        .printf(
            "protocol benchmark: %d clients with %s hotkeys, warm-up %d..%d s (until the JIT "
                + "compiler settles), %d s measured%n",
            clients, settings.scheme(), warmupSeconds, maxWarmupSeconds, measureSeconds);
    context.out().flush();
    ProtocolBenchResult result;
    try {
      result = new ProtocolBenchmark(settings).run();
    } catch (IllegalStateException e) {
      throw new CommandFailedException("protocol benchmark failed: " + e.getMessage(), e);
    }
    result.lines().forEach(context.out()::println);
    context.out().flush();
    try {
      for (SignatureBench.Figures f :
          SignatureBench.measureAll(Duration.ofSeconds(signatureSeconds))) {
        f.lines().forEach(context.out()::println);
      }
    } catch (IllegalStateException e) {
      throw new CommandFailedException("signature benchmark failed: " + e.getMessage(), e);
    }
    for (BenchFigure figure : followingFigures()) {
      figure.measure().forEach(context.out()::println);
    }
    return ExitCode.OK;
  }

  /** {@code --scheme}, sr25519 (Bittensor's hotkey scheme) unless given. */
  private KeyScheme keyScheme() {
    if (scheme == null) {
      return KeyScheme.SR25519;
    }
    try {
      return KeyScheme.fromWireName(scheme);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--scheme " + e.getMessage().substring("key scheme ".length()));
    }
  }
}

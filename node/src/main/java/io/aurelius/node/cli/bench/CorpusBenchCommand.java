package io.aurelius.node.cli.bench;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.bench.CorpusBenchmark;
import io.aurelius.core.transport.netty.NettyTransport;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The corpus log at scale (issue 15, item 5): per size, appends per second, a stock-git clone over
 * the node's git smart HTTP on loopback, verify time and peak heap, with the SHA-256 rate of the
 * machine measured in the same run and verify's ratio to it. 1M entries only on request.
 */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Corpus log appends, clone and verify at 10k and 100k entries (1M with"
            + " --million-enabled), beside the SHA-256 rate measured in the same run.")
final class CorpusBenchCommand implements Callable<Integer> {
  static final long MILLION = 1_000_000;

  @Option(
      names = "--sizes",
      paramLabel = "N[,N…]",
      split = ",",
      defaultValue = "10000,100000",
      description = "Corpus sizes in entries (default: ${DEFAULT-VALUE}).")
  List<Long> sizes;

  @Option(
      names = "--million-enabled",
      description = "Also measure 1,000,000 entries (tens of minutes and a few GB of disk).")
  boolean million;

  @Option(
      names = "--batch",
      paramLabel = "B",
      defaultValue = "1000",
      description = "Entries per append, one signed commit each (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--entry-bytes",
      paramLabel = "BYTES",
      defaultValue = "1024",
      description = "Text per entry, observation and reasoning (default: ${DEFAULT-VALUE}).")
  int entryBytes;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Where the logs are built and removed (default: the system temp directory).")
  Path workDir;

  private final CliContext context;

  CorpusBenchCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    for (long n : sizes) {
      if (n < 1 || n > 10 * MILLION) {
        throw new UserInputException("--sizes: " + n + " (expected: 1..10000000)");
      }
    }
    CorpusBenchmark.Settings settings;
    try {
      settings = new CorpusBenchmark.Settings(batch, entryBytes);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--batch/--entry-bytes: " + e.getMessage());
    }
    Path dir =
        workDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : context.resolve(workDir);
    List<Long> run = new ArrayList<>(sizes);
    if (million && !run.contains(MILLION)) {
      run.add(MILLION);
    }
    PrintWriter out = context.out();
    String git = CorpusBenchmark.gitVersion().orElse("no stock git: clone skipped");
    out.printf(
        Locale.ROOT,
        "corpus bench: entries of %,d text bytes, %,d per append (one signed commit), %s, %d cores%n",
        entryBytes,
        batch,
        git,
        Runtime.getRuntime().availableProcessors());
    out.println(
        "  baseline: SHA-256 of every leaf (0x00 + entry) and interior node, timed in the same"
            + " run");
    out.printf(
        Locale.ROOT,
        "  %10s %12s %8s %6s %9s %9s %9s %12s %15s %10s%n",
        "entries",
        "appends/s",
        "commits",
        "packs",
        "repo MiB",
        "clone s",
        "verify s",
        "SHA-256 MB/s",
        "verify/SHA-256",
        "heap MiB");
    out.flush();
    CorpusBenchmark bench = new CorpusBenchmark(settings, NettyTransport.INSTANCE, dir);
    for (long n : run) {
      CorpusBenchmark.Row row = bench.measure(n);
      out.printf(
          Locale.ROOT,
          "  %,10d %,12.0f %,8d %6d %9.1f %9s %9.2f %,12.0f %14.2fx %10.0f%n",
          row.entries(),
          row.appendsPerSecond(),
          row.commits(),
          row.packs(),
          row.repositoryBytes() / 1048576.0,
          row.cloneSeconds().isPresent()
              ? String.format(Locale.ROOT, "%.2f", row.cloneSeconds().getAsDouble())
              : "skipped",
          row.verifySeconds(),
          (row.entryBytes() + 65.0 * (row.entries() - 1)) / row.sha256Seconds() / 1e6,
          row.verifyRatio(),
          row.peakHeapBytes() / 1048576.0);
      out.flush();
    }
    if (!run.contains(MILLION)) {
      out.println("  1,000,000: skipped (pass --million-enabled to measure it)");
    }
    out.println(
        "  goals (issue 15): clone of 1M under 30 s on loopback; verify at 0.5x or more of"
            + " SHA-256; heap flat in corpus size");
    return ExitCode.OK;
  }
}

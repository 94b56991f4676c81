package io.aurelius.node.cli.bench;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.bench.WorldModelBenchmark;
import io.aurelius.worldmodel.bench.WorldModelBenchmark.Concurrency;
import io.aurelius.worldmodel.bench.WorldModelBenchmark.Heap;
import io.aurelius.worldmodel.bench.WorldModelBenchmark.Settings;
import io.aurelius.worldmodel.bench.WorldModelBenchmark.TurnCost;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aurelius bench world-model}: (a) the orchestrator's own cost per agent turn with an
 * instant model on an 8-agent commons, beside one in-process sim reply; (b) concurrency efficiency
 * against sim-llm at a fixed latency, ideal critical-path time over achieved wall time; (c) heap
 * per running configuration, beside the heap before the runs.
 */
@Command(
    name = "world-model",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Orchestrator cost per agent turn, concurrency efficiency against sim-llm, heap per running "
            + "configuration.")
public final class WorldModelBenchCommand implements Callable<Integer> {
  @Option(
      names = "--configs",
      paramLabel = "N",
      defaultValue = "50",
      description = "Configurations in the concurrency figure (default: ${DEFAULT-VALUE}).")
  int configs;

  @Option(
      names = "--agents",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Agents per configuration in the concurrency figure (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(
      names = "--steps",
      paramLabel = "N",
      defaultValue = "10",
      description = "Steps per run in the concurrency figure (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--latency-ms",
      paramLabel = "MS",
      defaultValue = "100",
      description = "sim-llm's fixed latency (default: ${DEFAULT-VALUE}).")
  int latencyMillis;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "64",
      description = "Endpoint concurrency (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--turn-runs",
      paramLabel = "N",
      defaultValue = "40",
      description = "Measured runs for the per-turn cost (default: ${DEFAULT-VALUE}).")
  int turnRuns;

  @Option(
      names = "--heap-runs",
      paramLabel = "N",
      defaultValue = "100",
      description = "Runs held in progress for the heap figure (default: ${DEFAULT-VALUE}).")
  int heapRuns;

  private final CliContext context;

  public WorldModelBenchCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    Settings settings;
    try {
      if (agents < 1
          || agents > 16
          || steps < 1
          || steps > 50
          || configs < 1
          || configs > 1000
          || latencyMillis < 0
          || latencyMillis > 10_000
          || concurrency < 1
          || concurrency > 4096
          || heapRuns < 1
          || heapRuns > 10_000) {
        throw new IllegalArgumentException(
            "--agents "
                + agents
                + " --steps "
                + steps
                + " --configs "
                + configs
                + " --latency-ms "
                + latencyMillis
                + " --concurrency "
                + concurrency
                + " --heap-runs "
                + heapRuns
                + " (expected: agents 1..16, steps 1..50, configs 1..1000, latency 0..10000, concurrency 1..4096, "
                + "heap runs 1..10000)");
      }
      settings =
          new Settings(
              8,
              10,
              turnRuns,
              configs,
              agents,
              steps,
              Duration.ofMillis(latencyMillis),
              concurrency,
              heapRuns);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    PrintWriter out = context.out();
    WorldModelBenchmark bench = new WorldModelBenchmark(settings);
    out.println("world-model benchmark");
    out.flush();
    TurnCost a = bench.turnCost();
    out.printf(
        Locale.ROOT,
        "(a) orchestrator cost per agent turn (commons, 8 agents, instant model, %d turns): "
            + "median %.3f ms (target < 0.5 ms: %s)%n",
        a.turns(),
        a.medianMillis(),
        a.medianMillis() < 0.5 ? "met" : "MISSED");
    out.printf(
        Locale.ROOT,
        "    baseline: one in-process sim reply to the same turn %.3f ms; ratio %.2f%n",
        a.simReplyMillis(),
        a.medianMillis() / a.simReplyMillis());
    out.flush();
    Concurrency b = bench.concurrency();
    out.printf(
        Locale.ROOT,
        "(b) concurrency efficiency against sim-llm (fixed %d ms, concurrency %d): %d configs x 2 "
            + "framings x %d agents x %d steps = %d calls; ideal %.2f s, achieved %.2f s: %.2f (target >= 0.85: %s); "
            + "most in flight at the server %d%n",
        latencyMillis,
        concurrency,
        configs,
        agents,
        steps,
        b.calls(),
        b.ideal().toNanos() / 1e9,
        b.achieved().toNanos() / 1e9,
        b.efficiency(),
        b.efficiency() >= 0.85 ? "met" : "MISSED",
        b.maxInFlight());
    out.printf(
        Locale.ROOT,
        "    CPU of this process meanwhile (client, orchestrator and the sim-llm server): %.2f s, "
            + "%.2f ms per call, on %d cores%n",
        b.cpu().toNanos() / 1e9,
        b.cpu().toNanos() / 1e6 / Math.max(1, b.calls()),
        Runtime.getRuntime().availableProcessors());
    out.flush();
    Heap c = bench.heap();
    out.printf(
        Locale.ROOT,
        "(c) heap per running configuration (8 agents, held half-way, %d runs): %.1f KiB; "
            + "baseline heap before the runs %.1f MiB, with them %.1f MiB%n",
        c.runs(),
        c.perRunBytes() / 1024.0,
        c.baselineBytes() / 1048576.0,
        c.loadedBytes() / 1048576.0);
    out.flush();
    return ExitCode.OK;
  }
}

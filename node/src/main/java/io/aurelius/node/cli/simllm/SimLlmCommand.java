package io.aurelius.node.cli.simllm;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.sim.SimJudgeResponder;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.LegacyListenOptions;
import io.aurelius.node.cli.ListenAddress;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.sim.server.DurationText;
import io.aurelius.worldmodel.sim.server.FaultPlan;
import io.aurelius.worldmodel.sim.server.LatencyDistribution;
import io.aurelius.worldmodel.sim.server.SimLlmServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius sim-llm}: the sim model on an HTTP port, with faults on demand. */
@Command(
    name = "sim-llm",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serve the embedded simulation model as an OpenAI-compatible endpoint (POST /v1/chat/completions,",
      "GET /v1/models) and as Ollama (POST /api/chat). Every answer is labelled sim. Runs until stopped."
    })
public final class SimLlmCommand implements Callable<Integer> {
  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8089",
      description =
          "Where to serve the OpenAI-compatible API; port 0 picks a free one "
              + "(default: ${DEFAULT-VALUE}).")
  String listen;

  @Mixin LegacyListenOptions legacyListen;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "16",
      description =
          "Threads reading requests and composing answers; answers waiting out their latency hold "
              + "none (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--latency",
      paramLabel = "DIST",
      defaultValue = "fixed:0ms",
      description =
          "fixed:100ms, uniform:50ms..200ms or lognormal:100ms,0.5 (default: ${DEFAULT-VALUE}).")
  String latency;

  @Option(
      names = "--error-rate",
      paramLabel = "P",
      defaultValue = "0",
      description = "Share of requests answered 500 (default: ${DEFAULT-VALUE}).")
  double errorRate;

  @Option(
      names = "--rate-limit-rate",
      paramLabel = "P",
      defaultValue = "0",
      description = "Share of requests answered 429 (default: ${DEFAULT-VALUE}).")
  double rateLimitRate;

  @Option(
      names = "--malformed-rate",
      paramLabel = "P",
      defaultValue = "0",
      description = "Share of answers made malformed (default: ${DEFAULT-VALUE}).")
  double malformedRate;

  @Option(
      names = "--hang-rate",
      paramLabel = "P",
      defaultValue = "0",
      description = "Share of requests never answered (default: ${DEFAULT-VALUE}).")
  double hangRate;

  @Option(
      names = "--hang-time",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "How long a hanging request is held before its connection is closed (default: ${DEFAULT-VALUE}).")
  String hangTime;

  @Option(
      names = "--fault-requests",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Inject faults into the first N requests only; 0 for all (default: ${DEFAULT-VALUE}).")
  long faultRequests;

  @Option(
      names = "--fault-seed",
      paramLabel = "S",
      defaultValue = "0",
      description = "Seed of the fault draws (default: ${DEFAULT-VALUE}).")
  long faultSeed;

  @Option(
      names = "--usage-enabled",
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      description = "Report token usage in answers (default: ${DEFAULT-VALUE}).")
  boolean usage;

  @Option(
      names = "--port-file",
      paramLabel = "FILE",
      description = "Write the bound port here once listening (for scripts and tests).")
  Path portFile;

  private final CliContext context;

  public SimLlmCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  FaultPlan plan() {
    try {
      if (threads < 1 || threads > 1024) {
        throw new IllegalArgumentException("threads: " + threads + " (expected: 1..1024)");
      }
      Duration hang = DurationText.parse(hangTime, "hang-time");
      return new FaultPlan(
          LatencyDistribution.parse(latency),
          errorRate,
          rateLimitRate,
          malformedRate,
          hangRate,
          hang,
          faultRequests,
          usage,
          faultSeed);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--" + e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    FaultPlan plan = plan();
    InetSocketAddress bind =
        legacyListen.apply(ListenAddress.parse(listen, "--listen"), context.err());
    SimLlmServer server;
    try {
      server =
          SimLlmServer.start(
              new InetSocketAddress(bind.getHostString(), bind.getPort()),
              plan,
              threads,
              new SimJudgeResponder(),
              java.util.Optional.empty());
    } catch (IOException e) {
      throw new UserInputException(
          "--listen " + ListenAddress.format(bind) + ": cannot listen: " + e.getMessage());
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await(
                    5, java.util.concurrent.TimeUnit.SECONDS); // let the server close and report
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "sim-llm-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (portFile != null) {
        writePort(context.resolve(portFile), server.port());
      }
      context
          .out()
          .println(
              "sim-llm listening on "
                  + server.openAiBaseUrl()
                  + " (OpenAI) and "
                  + server.ollamaBaseUrl()
                  + " (Ollama); model: sim; every answer labelled sim");
      context.out().println("faults: " + plan.describe());
      context.out().flush();
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down
      }
      context.out().println("sim-llm stopped: " + server.stats());
      context.out().flush();
      stopped.countDown();
    }
    return ExitCode.OK;
  }

  private static void writePort(Path file, int port) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, Integer.toString(port), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}

package io.aurelius.worldmodel.bench;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.endpoint.EndpointAgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.InstantAgentModel;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.orchestrator.Batch;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.sim.SimEndpoint;
import io.aurelius.worldmodel.sim.server.FaultPlan;
import io.aurelius.worldmodel.sim.server.LatencyDistribution;
import io.aurelius.worldmodel.sim.server.SimLlmServer;
import io.aurelius.worldmodel.transcript.RunObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The three figures of {@code aurelius bench world-model}, measured in one run. */
public final class WorldModelBenchmark {
  /** What to measure with. */
  public record Settings(
      int turnAgents,
      int turnSteps,
      int turnRuns,
      int configs,
      int agents,
      int steps,
      Duration latency,
      int concurrency,
      int heapRuns) {
    public static final Settings DEFAULT =
        new Settings(8, 10, 40, 50, 6, 10, Duration.ofMillis(100), 64, 100);

    public Settings {
      requireNonNull(latency, "latency");
      if (turnRuns < 3
          || configs < 1
          || heapRuns < 1
          || concurrency < 1
          || steps < 1
          || turnSteps < 1) {
        throw new IllegalArgumentException(
            "settings: "
                + this
                + " (expected: at least 3 turn runs, and at least "
                + "1 of everything else)");
      }
    }
  }

  /** (a): median orchestrator cost per agent turn, beside one in-process sim reply. */
  public record TurnCost(double medianMillis, double simReplyMillis, int turns) {}

  /** (b): ideal critical-path time over achieved wall time against sim-llm. */
  public record Concurrency(
      int runs, long calls, Duration ideal, Duration achieved, long maxInFlight, Duration cpu) {
    public double efficiency() {
      return (double) ideal.toNanos() / achieved.toNanos();
    }
  }

  /** (c): heap held per configuration in progress. */
  public record Heap(int runs, long baselineBytes, long loadedBytes) {
    public long perRunBytes() {
      return Math.max(0, loadedBytes - baselineBytes) / runs;
    }
  }

  private final Settings settings;

  public WorldModelBenchmark(Settings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /**
   * (a) Runs the commons with the instant model, one run at a time, and takes the median per turn.
   */
  public TurnCost turnCost() {
    CompiledConfig commons = BenchScenarios.commons(settings.turnAgents(), settings.turnSteps(), 0);
    InstantAgentModel instant = new InstantAgentModel();
    for (int i = 0; i < Math.max(5, settings.turnRuns() / 4); i++) {
      Orchestrator.run(new RunSpec(commons, Framing.IMMERSIVE, i, instant), RunObserver.NONE);
    }
    double[] perTurn = new double[settings.turnRuns()];
    int turns = 0;
    for (int i = 0; i < perTurn.length; i++) {
      long start = System.nanoTime();
      RunResult r =
          Orchestrator.run(
              new RunSpec(
                  commons, i % 2 == 0 ? Framing.IMMERSIVE : Framing.CONTROL, 1000 + i, instant),
              RunObserver.NONE);
      long nanos = System.nanoTime() - start;
      perTurn[i] = nanos / 1e6 / Math.max(1, r.end().totals().turns());
      turns += r.end().totals().turns();
    }
    return new TurnCost(median(perTurn), simReplyMillis(commons), turns);
  }

  /** The baseline of (a): one in-process sim reply to a turn of the same scenario. */
  private double simReplyMillis(CompiledConfig commons) {
    RunResult sample =
        Orchestrator.run(
            new RunSpec(commons, Framing.IMMERSIVE, 1, new InstantAgentModel()), RunObserver.NONE);
    var turn = sample.steps().get(0).turns().get(0);
    var schema =
        new io.aurelius.worldmodel.framing.ActionMenu(commons.config(), Framing.IMMERSIVE)
            .schema(commons.config().actions(), false);
    try (EndpointAgentModel sim =
        new EndpointAgentModel(
            "sim", List.of(new SimEndpoint()), List.of(EndpointPolicy.DEFAULT))) {
      double[] times = new double[200];
      for (int i = -50; i < times.length; i++) {
        long start = System.nanoTime();
        sim.play(new AgentRequest(turn.agent(), turn.system(), turn.user(), schema, i));
        if (i >= 0) {
          times[i] = (System.nanoTime() - start) / 1e6;
        }
      }
      return median(times);
    }
  }

  /** (b) All runs at once against a local sim-llm at a fixed latency. */
  public Concurrency concurrency() throws IOException, InterruptedException {
    FaultPlan plan = FaultPlan.NONE.withLatency(new LatencyDistribution.Fixed(settings.latency()));
    try (SimLlmServer server = SimLlmServer.start(new InetSocketAddress("127.0.0.1", 0), plan, 16);
        AgentModel model =
            AgentModels.open(
                List.of(ModelSpec.parse("openai:" + server.openAiBaseUrl() + "#sim")),
                EndpointPolicy.DEFAULT
                    .withMaxConcurrency(settings.concurrency())
                    .withTimeout(Duration.ofSeconds(60)),
                Optional.empty())) {
      List<RunSpec> specs = new ArrayList<>();
      for (int k = 0; k < settings.configs(); k++) {
        CompiledConfig c = BenchScenarios.commons(settings.agents(), settings.steps(), k);
        for (Framing f : Framing.values()) {
          specs.add(new RunSpec(c, f, k, model));
        }
      }
      warmUp(model, specs.get(0));
      // Warm the JIT on the same code paths, so compilation is not billed to the measured batch.
      List<RunSpec> warm = new ArrayList<>();
      for (int k = 0; k < Math.min(20, settings.configs()); k++) {
        warm.add(
            new RunSpec(
                BenchScenarios.commons(settings.agents(), 3, 10_000 + k),
                Framing.values()[k % 2],
                k,
                model));
      }
      Batch.run(warm, warm.size(), RunObserver.NONE);
      long before = server.stats().requests();
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      List<RunResult> results = Batch.run(specs, specs.size(), RunObserver.NONE);
      Duration achieved = Duration.ofNanos(System.nanoTime() - start);
      Duration cpu = Duration.ofNanos(Math.max(0, processCpuNanos() - cpuBefore));
      long calls = server.stats().requests() - before;
      int longest = results.stream().mapToInt(r -> r.end().steps()).max().orElse(0);
      long waves = (calls + settings.concurrency() - 1) / settings.concurrency();
      Duration ideal = settings.latency().multipliedBy(Math.max(longest, waves));
      return new Concurrency(
          results.size(), calls, ideal, achieved, server.stats().maxInFlight(), cpu);
    }
  }

  /** CPU time of this process (all threads), or 0 where the JVM does not say. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static void warmUp(AgentModel model, RunSpec spec) {
    List<CompletableFuture<?>> warm = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      warm.add(
          model.reply(
              new AgentRequest(
                  "warm",
                  "I am warm.",
                  "Warm up.",
                  new io.aurelius.worldmodel.framing.ActionMenu(
                          spec.config().config(), Framing.IMMERSIVE)
                      .schema(spec.config().config().actions(), false),
                  i)));
    }
    warm.forEach(CompletableFuture::join);
  }

  /** (c) Many runs frozen half-way, heap measured after collection against the heap before them. */
  public Heap heap() throws InterruptedException {
    int half = Math.max(1, settings.turnSteps() / 2);
    GateModel gate = new GateModel(half);
    List<RunSpec> specs = new ArrayList<>();
    for (int k = 0; k < settings.heapRuns(); k++) {
      specs.add(
          new RunSpec(
              BenchScenarios.commons(settings.turnAgents(), settings.turnSteps(), k),
              Framing.IMMERSIVE,
              k,
              gate));
    }
    long baseline = usedAfterGc();
    Thread runner =
        new Thread(
            () -> {
              try {
                Batch.run(specs, specs.size(), RunObserver.NONE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-heap-runs");
    runner.start();
    gate.awaitHeld(settings.heapRuns() * settings.turnAgents());
    long loaded = usedAfterGc();
    gate.release();
    runner.join();
    return new Heap(settings.heapRuns(), baseline, loaded);
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}

package io.aurelius.node.cli.simulate;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.mechanics.StepBudget;
import io.aurelius.worldmodel.orchestrator.Batch;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.TranscriptWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius simulate}: run configurations in the world model, or replay a transcript. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run configurations in the world model under one or both framings and several seeds.",
      "CONFIG is a configuration file (aurelius.config/1 or SN37 schema_v1), catalogue:NAME, or catalogue."
    })
public final class SimulateCommand implements Callable<Integer> {
  /** Which framings to run. */
  enum Framings {
    IMMERSIVE,
    CONTROL,
    BOTH
  }

  @Parameters(paramLabel = "CONFIG", arity = "0..*", description = "Configurations to run.")
  List<String> configs = new ArrayList<>();

  @Mixin ModelOptions model = new ModelOptions();

  @Option(
      names = "--framing",
      paramLabel = "FRAMING",
      defaultValue = "both",
      description = "immersive, control or both (default: ${DEFAULT-VALUE}).")
  Framings framing;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seeds per configuration and framing (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(
      names = "--seed-base",
      paramLabel = "S",
      defaultValue = "1",
      description = "The first seed; the others follow it (default: ${DEFAULT-VALUE}).")
  long seedBase;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the transcripts here (JSON Lines).")
  Path out;

  @Option(
      names = "--aenes",
      paramLabel = "FILE",
      description = "Write the aenes here (JSON Lines).")
  Path aenes;

  @Option(
      names = "--parallel-runs",
      paramLabel = "N",
      defaultValue = "8",
      description = "Runs in progress at once (default: ${DEFAULT-VALUE}).")
  int parallelRuns;

  @Option(
      names = "--cel-budget-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      description = "CPU time per step for mechanics, in ms (default: ${DEFAULT-VALUE}).")
  long celBudgetMillis;

  @Option(
      names = "--cel-evaluations",
      paramLabel = "N",
      defaultValue = "20000",
      description = "Mechanics evaluations per step at most (default: ${DEFAULT-VALUE}).")
  int celEvaluations;

  @Option(
      names = "--replay",
      paramLabel = "TRANSCRIPT",
      description = "Replay a transcript with its recorded replies and check every state hash.")
  Path replay;

  @Option(
      names = "--registry",
      paramLabel = "DIR",
      description =
          "A world-model registry (aurelius module adopt): configurations' imports resolve "
              + "against its adopted modules and runs record its version. Default: the base "
              + "world model.")
  Path registry;

  private final CliContext context;

  public SimulateCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  private ModuleSet adopted() {
    if (registry == null) {
      return ModuleSet.BASE;
    }
    try {
      return ModuleRegistry.open(context.resolve(registry)).set();
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--registry: " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    if (replay != null) {
      if (!configs.isEmpty()) {
        throw new UserInputException(
            "--replay: given with CONFIG "
                + configs.get(0)
                + " (expected: a transcript alone; its configuration is inside it)");
      }
      return ReplayRunner.replay(context.resolve(replay), context);
    }
    if (configs.isEmpty()) {
      throw new UserInputException(
          "CONFIG: none given (expected: a configuration file, catalogue:NAME or catalogue)");
    }
    if (seeds < 1 || seeds > 1000) {
      throw new UserInputException("--seeds: " + seeds + " (expected: 1..1000)");
    }
    if (parallelRuns < 1 || parallelRuns > 1024) {
      throw new UserInputException("--parallel-runs: " + parallelRuns + " (expected: 1..1024)");
    }
    if (celBudgetMillis < 1
        || celBudgetMillis > 60_000
        || celEvaluations < 1
        || celEvaluations > 10_000_000) {
      throw new UserInputException(
          "--cel-budget-ms "
              + celBudgetMillis
              + ", --cel-evaluations "
              + celEvaluations
              + " (expected: 1..60000 and 1..10000000)");
    }
    List<CompiledConfig> compiled = Scenarios.resolve(configs, context, adopted());
    StepBudget budget = new StepBudget(Duration.ofMillis(celBudgetMillis), celEvaluations);
    List<Framing> framings =
        switch (framing) {
          case IMMERSIVE -> List.of(Framing.IMMERSIVE);
          case CONTROL -> List.of(Framing.CONTROL);
          case BOTH -> List.of(Framing.IMMERSIVE, Framing.CONTROL);
        };
    long start = System.nanoTime();
    try (AgentModel agents = model.open();
        Outputs outputs = Outputs.open(out, context)) {
      List<RunSpec> specs = new ArrayList<>();
      int maxSteps = 0;
      for (CompiledConfig c : compiled) {
        for (long s = seedBase; s < seedBase + seeds; s++) {
          for (Framing f : framings) {
            specs.add(new RunSpec(c, f, s, agents, budget));
            maxSteps += c.config().termination().maxSteps();
          }
        }
      }
      context
          .out()
          .println(
              "simulating "
                  + compiled.size()
                  + " configuration"
                  + (compiled.size() == 1 ? "" : "s")
                  + " x "
                  + framings.size()
                  + " framing"
                  + (framings.size() == 1 ? "" : "s")
                  + " x "
                  + seeds
                  + " seed"
                  + (seeds == 1 ? "" : "s")
                  + " = "
                  + specs.size()
                  + " runs on "
                  + agents.describe()
                  + (agents.simulated() ? " (simulated model: all output labelled sim)" : ""));
      context.out().flush();
      Progress progress =
          new Progress(context.err(), context.interactive(), specs.size(), maxSteps);
      List<RunResult> results;
      Thread flush = new Thread(outputs::force, "simulate-flush");
      Runtime.getRuntime().addShutdownHook(flush);
      try {
        results = Batch.run(specs, parallelRuns, outputs.observer().and(progress));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outputs.force();
        throw new CommandFailedException(
            "interrupted; every run recorded how far it got"
                + outputs.path().map(p -> " in " + p).orElse(""),
            e);
      } finally {
        removeHook(flush);
      }
      writeAenes(results);
      return Summary.print(
          results,
          System.nanoTime() - start,
          context.out(),
          outputs.path(),
          Optional.ofNullable(aenes).map(context::resolve));
    }
  }

  private void writeAenes(List<RunResult> results) throws IOException {
    if (aenes == null) {
      return;
    }
    Path path = context.resolve(aenes);
    try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      for (RunResult r : results) {
        for (Aene a : r.aenes()) {
          w.write(CanonicalJson.string(a.toJson()));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new CommandFailedException(path + ": cannot write aenes: " + e.getMessage(), e);
    }
  }

  /** Where transcripts go: a file, or nowhere. */
  private record Outputs(Optional<TranscriptWriter> writer) implements AutoCloseable {
    static Outputs open(Path out, CliContext context) {
      if (out == null) {
        return new Outputs(Optional.empty());
      }
      Path path = context.resolve(out);
      try {
        return new Outputs(Optional.of(TranscriptWriter.create(path)));
      } catch (IOException e) {
        throw new UserInputException(path + ": cannot write transcript: " + e.getMessage());
      }
    }

    RunObserver observer() {
      return writer.<RunObserver>map(w -> w).orElse(RunObserver.NONE);
    }

    Optional<Path> path() {
      return writer.map(TranscriptWriter::path);
    }

    void force() {
      writer.ifPresent(
          w -> {
            try {
              w.force();
            } catch (RuntimeException e) {
              // closed already, or the disk is gone: nothing more can be saved
            }
          });
    }

    @Override
    public void close() {
      writer.ifPresent(TranscriptWriter::close);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs
    }
  }

  /** A failure when a run failed, or when the runs produced no aene at all (a dead model). */
  static int exitCode(List<RunResult> results) {
    boolean failed = results.stream().anyMatch(r -> r.end().status() == RunEnd.Status.FAILED);
    long aenes = results.stream().mapToLong(r -> r.end().totals().aenes()).sum();
    return failed || (aenes == 0 && !results.isEmpty()) ? ExitCode.FAILURE : ExitCode.OK;
  }
}

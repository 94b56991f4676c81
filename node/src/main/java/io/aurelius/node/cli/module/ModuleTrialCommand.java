package io.aurelius.node.cli.module;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.judge.api.JudgeSetup;
import io.aurelius.judge.api.Judges;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.simulate.ModelOptions;
import io.aurelius.validator.modules.BenchmarkSuite;
import io.aurelius.validator.modules.ModuleTrial;
import io.aurelius.validator.modules.TrialReport;
import io.aurelius.worldmodel.agent.AgentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius module trial FILE}: the A/B table of a candidate module. */
@Command(
    name = "trial",
    mixinStandardHelpOptions = true,
    description = {
      "A/B a candidate module against the current world model (--registry, default the base): "
          + "every benchmark configuration runs under both, with and without the candidate, "
          + "same seeds, both framings; judged, replayed and totalled. Prints one line per "
          + "measure with the paired difference and its 95%% interval, then PASS or FAIL.",
      "Exit 0 on PASS, 1 on FAIL, 2 for bad input."
    })
final class ModuleTrialCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The candidate module (JSON).")
  private String file;

  @Option(names = "--registry", paramLabel = "DIR", description = "The current world model.")
  private String registry;

  @Option(
      names = "--suite",
      paramLabel = "NAME",
      split = ",",
      description = "Catalogue scenarios of the benchmark; default: the whole catalogue.")
  private List<String> suite = new ArrayList<>();

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds 1..N (default: 5).")
  private int seeds = BenchmarkSuite.DEFAULT_SEEDS.size();

  @Option(
      names = "--judge",
      paramLabel = "SPEC",
      split = ",",
      description = "Judges (default: sim).")
  private List<String> judgeSpecs = new ArrayList<>(List.of("sim"));

  @Mixin ModelOptions model = new ModelOptions();

  ModuleTrialCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    if (seeds < 2 || seeds > 100) {
      throw new UserInputException("--seeds: " + seeds + " (expected: 2..100)");
    }
    ModuleSet current = ModuleFiles.adopted(context, registry);
    Optional<Module> candidate = ModuleFiles.load(context, file, current);
    if (candidate.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    BenchmarkSuite bench;
    try {
      bench =
          BenchmarkSuite.catalogue(
              suite.isEmpty() ? Catalogue.names() : suite,
              LongStream.rangeClosed(1, seeds).boxed().toList());
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--suite: " + e.getMessage());
    }
    TrialReport report;
    try (AgentModel agents = model.open();
        Judges judges = Judges.open(JudgeSetup.defaults(judgeSpecs, 0.4))) {
      report = new ModuleTrial(agents, judges, new byte[32]).run(bench, current, candidate.get());
    }
    context
        .out()
        .println(
            "candidate "
                + candidate.get().name()
                + " "
                + candidate.get().id().hex()
                + " against world model "
                + current.version()
                + ": "
                + report.configurations()
                + " configurations x "
                + report.seeds().size()
                + " seeds x 2 framings");
    context.out().print(report.table());
    context.out().flush();
    return report.passed() ? ExitCode.OK : ExitCode.FAILURE;
  }
}

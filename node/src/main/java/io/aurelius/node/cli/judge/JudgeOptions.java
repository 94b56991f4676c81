package io.aurelius.node.cli.judge;

import io.aurelius.core.json.JsonInputException;
import io.aurelius.judge.calibration.Calibration;
import io.aurelius.judge.defence.CanaryFactory;
import io.aurelius.judge.defence.InjectionDetector;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.ensemble.Ensemble;
import io.aurelius.judge.ensemble.EnsemblePolicy;
import io.aurelius.judge.panel.JudgePanel;
import io.aurelius.judge.panel.JudgeSpec;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.prompt.Persona;
import io.aurelius.judge.prompt.Personas;
import io.aurelius.judge.ranking.RankingPolicy;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.rubric.Rubrics;
import io.aurelius.judge.scoring.EpochScorer;
import io.aurelius.judge.signals.EvaluationAwareness;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which judges run and how: {@code --judge} (embedded, sim, openai:URL#MODEL, ollama:URL#MODEL;
 * {@code |} between failover endpoints of one judge), {@code --judge-persona}, endpoint policy,
 * {@code --calibration}, {@code --canary-seed}, {@code --dlv-threshold}, {@code --min-decisions}. A
 * picocli mixin.
 */
public final class JudgeOptions {
  @Option(
      names = "--judge",
      paramLabel = "SPEC",
      split = ",",
      defaultValue = "embedded,sim",
      description =
          "Judges: embedded, sim, openai:URL#MODEL or ollama:URL#MODEL ('|' between failover "
              + "endpoints of one judge); comma-separate or repeat for several (default: ${DEFAULT-VALUE}).")
  List<String> judges = new ArrayList<>();

  @Option(
      names = "--judge-persona",
      paramLabel = "KEY",
      split = ",",
      description =
          "Orbis Ethica personas for every LLM judge: seeker, healer, guardian, mediator, creator, "
              + "arbiter; each LLM judge runs once per persona (default: none).")
  List<String> personas = new ArrayList<>();

  @Mixin JudgeCallOptions calls;

  @Option(
      names = "--openai-api-key",
      paramLabel = "KEY",
      description =
          "Bearer key for OpenAI-compatible endpoints (better given as AURELIUS_OPENAI_API_KEY).")
  String apiKey;

  @Option(
      names = "--calibration",
      paramLabel = "FILE",
      description = "Calibration from 'aurelius judge calibrate' to apply to the judges' scores.")
  Path calibration;

  @Option(
      names = "--canary-seed",
      paramLabel = "TEXT",
      description = "Seed for choosing canaries, for reproducible runs (default: random per run).")
  String canarySeed;

  @Option(
      names = "--dlv-threshold",
      paramLabel = "X",
      defaultValue = "0.4",
      description =
          "DLV a configuration needs to be ranked; canaries must stay below it (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--min-decisions",
      paramLabel = "N",
      defaultValue = "" + RankingPolicy.DEFAULT_MIN_DECISIONS,
      description =
          "A configuration's DLV counts at least N decisions per seed, the missing ones as 0; 0 turns "
              + "the rule off (default: ${DEFAULT-VALUE}).")
  int minDecisions;

  /** The running panel: its judges, the scorer, and the pool that runs judge calls. */
  public record Panel(
      Rubric rubric,
      List<Judge> judges,
      Ensemble ensemble,
      EpochScorer scorer,
      RankingPolicy ranking,
      ExecutorService pool)
      implements AutoCloseable {
    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  public Rubric rubric() {
    return Rubrics.dlvV1();
  }

  public double threshold() {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new UserInputException("--dlv-threshold: " + threshold + " (expected: 0..1)");
    }
    return threshold;
  }

  public int minDecisions() {
    if (minDecisions < 0 || minDecisions > RankingPolicy.MAX_MIN_DECISIONS) {
      throw new UserInputException(
          "--min-decisions: "
              + minDecisions
              + " (expected: 0.."
              + RankingPolicy.MAX_MIN_DECISIONS
              + ")");
    }
    return minDecisions;
  }

  public List<Judge> judges(Rubric rubric) {
    if (judges.isEmpty()) {
      throw new UserInputException(
          "--judge: none given (expected: embedded, sim or an LLM endpoint)");
    }
    List<JudgeSpec> specs = new ArrayList<>();
    for (String j : judges) {
      try {
        specs.add(JudgeSpec.parse(j));
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--" + e.getMessage());
      }
    }
    List<Persona> ps = new ArrayList<>();
    Personas catalogue = Personas.bundled();
    for (String p : personas) {
      try {
        ps.add(catalogue.require(p.strip()));
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--judge-" + e.getMessage());
      }
    }
    try {
      return JudgePanel.build(
          specs, ps, rubric, policy(), Optional.ofNullable(apiKey).filter(k -> !k.isBlank()));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--" + e.getMessage());
    }
  }

  EndpointPolicy policy() {
    return calls.policy();
  }

  public Calibration calibration(CliContext context) {
    if (calibration == null) {
      return Calibration.none();
    }
    Path file = context.resolve(calibration);
    try {
      return Calibration.parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UserInputException(
          "--calibration: " + file + ": cannot read (" + e.getMessage() + ")");
    } catch (JsonInputException e) {
      throw new UserInputException("--calibration: " + e.getMessage());
    }
  }

  /** Opens the panel; the caller closes it. */
  public Panel open(CliContext context) {
    Rubric rubric = rubric();
    double gate = threshold();
    int decisions = minDecisions();
    int threads = calls.threads();
    List<Judge> panel = judges(rubric);
    Calibration cal = calibration(context);
    byte[] secret;
    if (canarySeed != null) {
      secret = canarySeed.getBytes(StandardCharsets.UTF_8);
    } else {
      secret = new byte[32];
      new SecureRandom().nextBytes(secret);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "judge-batch-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Ensemble ensemble =
        new Ensemble(
            rubric,
            panel,
            EnsemblePolicy.DEFAULT.withCanaryCeiling(gate),
            cal,
            InjectionDetector.bundled(),
            CanaryFactory.bundled(secret),
            pool);
    RankingPolicy ranking = new RankingPolicy(gate, RankingPolicy.DEFAULT.emaAlpha(), decisions);
    EpochScorer scorer =
        new EpochScorer(ensemble, MiniLmEmbedder.shared(), EvaluationAwareness.bundled(), ranking);
    return new Panel(rubric, panel, ensemble, scorer, ranking, pool);
  }
}

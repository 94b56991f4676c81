package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.Imports;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleKind;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.judge.api.ConfigurationJudgement;
import io.aurelius.judge.api.EpochJudgement;
import io.aurelius.judge.api.Judges;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.replay.Replay;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a benchmark suite under the current world model and with a candidate module, same
 * configurations and seeds, and compares them. Under the candidate each configuration imports the
 * candidate (in place of an import of the candidate's parent, or of another memory policy or
 * framing pack when the candidate is one). Every (configuration, seed) pair runs both framings
 * under each world model; its transcripts are judged, replayed and totalled, and each measure's
 * difference is taken pair by pair.
 *
 * <p>Whichever arm of a pair runs second finds the JIT and the caches warmer, so the arms take
 * turns ({@link #candidateFirst(int)}), after one untimed warm-up of both arms: the same order on
 * every validator, and half the pairs in each.
 */
public final class ModuleTrial {
  /** How many runs the warm-up makes, unmeasured: both framings under each arm. */
  public static final int WARM_UP_RUNS = 2 * Framing.values().length;

  private final AgentModel model;
  private final Judges judges;
  private final byte[] canarySecret;
  private final RunObserver observer;

  public ModuleTrial(AgentModel model, Judges judges, byte[] canarySecret) {
    this(model, judges, canarySecret, RunObserver.NONE);
  }

  /** As the other, with {@code observer} told about every run, the warm-up's included. */
  public ModuleTrial(AgentModel model, Judges judges, byte[] canarySecret, RunObserver observer) {
    this.model = requireNonNull(model, "model");
    this.judges = requireNonNull(judges, "judges");
    this.canarySecret = canarySecret.clone();
    this.observer = requireNonNull(observer, "observer");
  }

  /**
   * Whether the candidate's arm runs before the current one in the pair at {@code pair}, counted
   * over the suite's configurations in order and each one's seeds in order: in every odd one.
   */
  static boolean candidateFirst(int pair) {
    return pair % 2 == 1;
  }

  public TrialReport run(BenchmarkSuite suite, ModuleSet current, Module candidate) {
    requireNonNull(suite, "suite");
    requireNonNull(current, "current");
    requireNonNull(candidate, "candidate");
    ModuleSet withCandidate = current.plus(candidate);
    Map<Metric, List<Double>> a = new EnumMap<>(Metric.class);
    Map<Metric, List<Double>> b = new EnumMap<>(Metric.class);
    int pair = 0;
    for (JsonNode doc : suite.configurations()) {
      CompiledConfig base = ConfigLoader.load(doc, "benchmark", current);
      CompiledConfig trial =
          ConfigLoader.load(importing(doc, candidate, current), "benchmark", withCandidate);
      if (pair == 0) {
        warmUp(base, trial, suite.seeds().get(0));
      }
      List<Double> dlvA = new ArrayList<>();
      List<Double> dlvB = new ArrayList<>();
      for (long seed : suite.seeds()) {
        Map<Metric, Double> ma;
        Map<Metric, Double> mb;
        if (candidateFirst(pair++)) {
          mb = measure(trial, seed);
          ma = measure(base, seed);
        } else {
          ma = measure(base, seed);
          mb = measure(trial, seed);
        }
        ma.forEach((k, v) -> a.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        mb.forEach((k, v) -> b.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        dlvA.add(ma.get(Metric.DLV));
        dlvB.add(mb.get(Metric.DLV));
      }
      a.computeIfAbsent(Metric.SEED_SPREAD, x -> new ArrayList<>()).add(sd(dlvA));
      b.computeIfAbsent(Metric.SEED_SPREAD, x -> new ArrayList<>()).add(sd(dlvB));
    }
    List<TrialRow> rows = new ArrayList<>();
    for (Metric m : Metric.values()) {
      List<Double> xa = a.getOrDefault(m, List.of());
      List<Double> xb = b.getOrDefault(m, List.of());
      List<Double> diff = new ArrayList<>();
      for (int i = 0; i < xa.size(); i++) {
        diff.add(xb.get(i) - xa.get(i));
      }
      rows.add(new TrialRow(m, mean(xa), mean(xb), Interval.of(diff)));
    }
    return new TrialReport(
        candidate.id(), current.version(), suite.configurations().size(), suite.seeds(), rows);
  }

  /**
   * The document with the candidate imported, in place of an import of its parent or, for a memory
   * policy or framing pack (at most one of each per configuration), of another module of its kind.
   * Unsigned: the candidate's arm is the validator's variant, over which its author's signature (an
   * accepted configuration's) would no longer verify.
   */
  static ObjectNode importing(JsonNode doc, Module candidate, ModuleSet current) {
    ObjectNode copy = ConfigDocuments.unsigned(doc);
    ArrayNode imports = copy.withArray(Imports.MEMBER);
    String parent = candidate.info().parent().map(p -> p.hex()).orElse("");
    for (int i = imports.size() - 1; i >= 0; i--) {
      String id = imports.get(i).path("module").asText("");
      boolean sameOnlyKind =
          candidate.kind() != ModuleKind.MECHANIC_PACK
              && current.adopted().stream()
                  .anyMatch(m -> m.id().hex().equals(id) && m.kind() == candidate.kind());
      if (id.equals(parent) || sameOnlyKind) {
        imports.remove(i);
      }
    }
    imports.addObject().put("module", candidate.id().hex());
    return copy;
  }

  /** Both arms' runs of the first pair, unmeasured: the first runs of a JVM are the slowest. */
  private void warmUp(CompiledConfig base, CompiledConfig trial, long seed) {
    for (CompiledConfig config : List.of(base, trial)) {
      for (Framing f : Framing.values()) {
        Orchestrator.run(new RunSpec(config, f, seed, model), observer);
      }
    }
  }

  private Map<Metric, Double> measure(CompiledConfig config, long seed) {
    List<Transcript> transcripts = new ArrayList<>();
    RunEnd.Totals totals = null;
    for (Framing f : Framing.values()) {
      RunResult r = Orchestrator.run(new RunSpec(config, f, seed, model), observer);
      Transcript t =
          new Transcript(
              r.header().configName() + ":" + f.json() + ":" + seed,
              r.header(),
              r.steps(),
              Optional.of(r.end()));
      transcripts.add(t);
      totals = totals == null ? r.end().totals() : totals.plus(r.end().totals());
    }
    long mismatched = transcripts.stream().filter(t -> !Replay.verify(t).reproduced()).count();
    EpochJudgement judged = judges.score(canarySecret, transcripts, List.of(), Map.of());
    ConfigurationJudgement j = judged.configurations().get(0);
    Map<Metric, Double> m = new EnumMap<>(Metric.class);
    m.put(Metric.DLV, j.dlv());
    m.put(Metric.IMMERSION, j.immersion());
    m.put(
        Metric.TOKENS_PER_SIGNAL,
        (double) (totals.tokensIn() + totals.tokensOut()) / Math.max(1, j.approved().size()));
    m.put(Metric.WALL_MS, (double) totals.wallMillis());
    m.put(Metric.INVALID_ACTIONS, (double) totals.invalidActions() / Math.max(1, totals.turns()));
    m.put(Metric.CEL_FAILURES, (double) totals.mechanicFailures());
    m.put(Metric.REPLAY_MISMATCH, (double) mismatched / transcripts.size());
    return m;
  }

  private static double mean(List<Double> xs) {
    return xs.isEmpty() ? 0 : xs.stream().mapToDouble(Double::doubleValue).sum() / xs.size();
  }

  private static double sd(List<Double> xs) {
    if (xs.size() < 2) {
      return 0;
    }
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (xs.size() - 1));
  }
}

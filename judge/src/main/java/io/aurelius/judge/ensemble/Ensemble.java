package io.aurelius.judge.ensemble;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.calibration.Calibration;
import io.aurelius.judge.defence.Canary;
import io.aurelius.judge.defence.CanaryFactory;
import io.aurelius.judge.defence.InjectionDetector;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.port.JudgeKind;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.stats.KrippendorffAlpha;
import io.aurelius.judge.stats.WeightedMedian;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Judges a batch of aenes with every judge. The steps, in order: make this batch's canaries; ask
 * every judge about every aene and canary; calibrate each judge's scores; drop any judge whose DLV
 * for a canary reaches the ceiling; aggregate each heuristic by the weighted median over the
 * remaining judges (weights are reputations, floored); compute DLV; penalise instruction-like
 * aenes; flag disagreement; compute alpha; update reputations.
 */
public final class Ensemble {
  /** A batch holds at most this many aenes. */
  public static final int MAX_BATCH = 10_000;

  private final Rubric rubric;
  private final List<Judge> judges;
  private final EnsemblePolicy policy;
  private final Calibration calibration;
  private final InjectionDetector injections;
  private final CanaryFactory canaries;
  private final Executor executor;

  /**
   * @param executor runs judge calls; a judge call blocks, so this should be a bounded pool of its
   *     own (not the pool the LLM judges use for their model calls)
   */
  public Ensemble(
      Rubric rubric,
      List<Judge> judges,
      EnsemblePolicy policy,
      Calibration calibration,
      InjectionDetector injections,
      CanaryFactory canaries,
      Executor executor) {
    this.rubric = requireNonNull(rubric, "rubric");
    this.judges = List.copyOf(judges);
    this.policy = requireNonNull(policy, "policy");
    this.calibration = requireNonNull(calibration, "calibration");
    this.injections = requireNonNull(injections, "injections");
    this.canaries = requireNonNull(canaries, "canaries");
    this.executor = requireNonNull(executor, "executor");
    if (this.judges.isEmpty()) {
      throw new IllegalArgumentException("ensemble: no judges (expected: at least one)");
    }
    Set<String> ids = new HashSet<>();
    for (Judge j : this.judges) {
      if (!ids.add(j.descriptor().id())) {
        throw new IllegalArgumentException(
            "ensemble: judge id " + j.descriptor().id() + " repeated");
      }
    }
  }

  public Rubric rubric() {
    return rubric;
  }

  public List<JudgeDescriptor> judges() {
    return judges.stream().map(Judge::descriptor).toList();
  }

  public BatchVerdict judge(List<JudgeInput> batch, ReputationBook reputation) {
    requireNonNull(batch, "batch");
    requireNonNull(reputation, "reputation");
    if (batch.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "batch: " + batch.size() + " aenes (expected: at most " + MAX_BATCH + ")");
    }
    Set<String> seen = new HashSet<>();
    for (JudgeInput in : batch) {
      if (!seen.add(in.aeneId())) {
        throw new IllegalArgumentException("batch: aene " + in.aeneId() + " appears twice");
      }
    }
    List<Canary> canaryList = canaries.forBatch(batch);
    List<JudgeInput> items = new ArrayList<>(batch);
    canaryList.forEach(c -> items.add(c.input()));

    Map<String, Map<String, JudgeOutcome>> outcomes = runAll(items); // judge -> aene -> outcome
    Map<String, Map<String, Map<Heuristic, Double>>> scores = calibrated(outcomes);

    Map<String, String> dropped = new TreeMap<>();
    Map<String, Map<String, Double>> canaryJudgeDlv = new LinkedHashMap<>();
    for (Canary c : canaryList) {
      Map<String, Double> perJudge = new TreeMap<>();
      for (Judge j : judges) {
        String id = j.descriptor().id();
        Map<Heuristic, Double> s = scores.get(id).get(c.input().aeneId());
        if (s != null) {
          double d = rubric.dlv(s);
          perJudge.put(id, d);
          if (d >= policy.canaryCeiling() && !dropped.containsKey(id)) {
            dropped.put(
                id,
                String.format(
                    "scored the %s canary %.2f (ceiling %.2f)",
                    c.kind().label(), d, policy.canaryCeiling()));
          }
        }
      }
      canaryJudgeDlv.put(c.input().aeneId(), perJudge);
    }
    List<JudgeDescriptor> active =
        judges.stream().map(Judge::descriptor).filter(d -> !dropped.containsKey(d.id())).toList();

    Map<String, AeneVerdict> verdicts = new LinkedHashMap<>();
    for (JudgeInput in : items) {
      verdicts.put(in.aeneId(), aggregate(in, active, scores, outcomes, reputation));
    }
    List<AeneVerdict> aeneVerdicts = batch.stream().map(in -> verdicts.get(in.aeneId())).toList();
    List<CanaryVerdict> canaryVerdicts =
        canaryList.stream()
            .map(
                c -> {
                  AeneVerdict v = verdicts.get(c.input().aeneId());
                  return new CanaryVerdict(
                      c.kind(),
                      c.input().aeneId(),
                      v.dlv(),
                      canaryJudgeDlv.get(c.input().aeneId()),
                      v.dlv() < policy.canaryCeiling());
                })
            .toList();

    Map<String, Optional<Double>> alpha = alpha(batch, active, scores);
    ReputationBook after = reputation.update(agreements(batch, verdicts, scores, dropped), policy);
    Map<String, Map<String, Integer>> statuses = new TreeMap<>();
    outcomes.forEach(
        (judge, byAene) -> {
          Map<String, Integer> counts = new TreeMap<>();
          byAene.values().forEach(o -> counts.merge(o.status(), 1, Integer::sum));
          statuses.put(judge, counts);
        });
    return new BatchVerdict(
        rubric.label() + " " + rubric.id().shortHex(),
        judges(),
        aeneVerdicts,
        canaryVerdicts,
        dropped,
        alpha,
        statuses,
        after);
  }

  private Map<String, Map<String, JudgeOutcome>> runAll(List<JudgeInput> items) {
    Map<String, List<CompletableFuture<JudgeOutcome>>> futures = new LinkedHashMap<>();
    for (Judge j : judges) {
      List<CompletableFuture<JudgeOutcome>> list = new ArrayList<>();
      for (JudgeInput in : items) {
        list.add(CompletableFuture.supplyAsync(() -> safely(j, in), executor));
      }
      futures.put(j.descriptor().id(), list);
    }
    Map<String, Map<String, JudgeOutcome>> out = new LinkedHashMap<>();
    futures.forEach(
        (judge, list) -> {
          Map<String, JudgeOutcome> byAene = new LinkedHashMap<>();
          for (int i = 0; i < items.size(); i++) {
            byAene.put(items.get(i).aeneId(), list.get(i).join());
          }
          out.put(judge, byAene);
        });
    return out;
  }

  private static JudgeOutcome safely(Judge j, JudgeInput in) {
    try {
      JudgeOutcome o = j.judge(in);
      return o == null ? new JudgeOutcome.Malformed("judge returned nothing") : o;
    } catch (RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new JudgeOutcome.FailedOver(
          List.of(j.descriptor().id()), "judge error: " + m.lines().findFirst().orElse(m));
    }
  }

  /** judge -> aene -> calibrated scores, for scored outcomes only. */
  private Map<String, Map<String, Map<Heuristic, Double>>> calibrated(
      Map<String, Map<String, JudgeOutcome>> outcomes) {
    Map<String, Map<String, Map<Heuristic, Double>>> out = new HashMap<>();
    outcomes.forEach(
        (judge, byAene) -> {
          Map<String, Map<Heuristic, Double>> m = new HashMap<>();
          byAene.forEach(
              (aene, o) -> {
                if (o instanceof JudgeOutcome.Scored s) {
                  m.put(aene, calibration.apply(judge, s.scores()));
                }
              });
          out.put(judge, m);
        });
    return out;
  }

  private AeneVerdict aggregate(
      JudgeInput in,
      List<JudgeDescriptor> active,
      Map<String, Map<String, Map<Heuristic, Double>>> scores,
      Map<String, Map<String, JudgeOutcome>> outcomes,
      ReputationBook reputation) {
    String aene = in.aeneId();
    List<JudgeDescriptor> scoring =
        active.stream().filter(d -> scores.get(d.id()).containsKey(aene)).toList();
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    if (in.truncated()) {
      flags.add(Flag.TRUNCATED);
    }
    List<String> hits = new ArrayList<>(injections.scan(in));
    long llmScoring = scoring.stream().filter(d -> d.kind() == JudgeKind.LLM).count();
    long llmReporting =
        scoring.stream()
            .filter(d -> d.kind() == JudgeKind.LLM)
            .filter(
                d ->
                    outcomes.get(d.id()).get(aene) instanceof JudgeOutcome.Scored s
                        && s.instructionLike())
            .count();
    if (llmScoring > 0 && llmReporting * 2 > llmScoring) {
      hits.add("judges:" + llmReporting + "/" + llmScoring);
    }
    Map<String, JudgeOutcome> all = new TreeMap<>();
    outcomes.forEach((judge, byAene) -> all.put(judge, byAene.get(aene)));
    Map<String, Double> judgeDlv = new TreeMap<>();
    scoring.forEach(d -> judgeDlv.put(d.id(), rubric.dlv(scores.get(d.id()).get(aene))));
    String basis =
        scoring.stream()
            .map(d -> d.kind().label())
            .collect(Collectors.toCollection(TreeSet::new))
            .stream()
            .collect(Collectors.joining("+"));
    if (scoring.isEmpty()) {
      flags.add(Flag.UNJUDGED);
      if (!hits.isEmpty()) {
        flags.add(Flag.INSTRUCTION_LIKE);
      }
      return new AeneVerdict(
          aene, in.configurationId(), Optional.empty(), 0, judgeDlv, all, flags, hits, "none");
    }
    double[] weights =
        scoring.stream()
            .mapToDouble(d -> Math.max(policy.minWeight(), reputation.of(d.id(), policy)))
            .toArray();
    Map<Heuristic, Double> agg = new EnumMap<>(Heuristic.class);
    for (Heuristic h : Heuristic.values()) {
      double[] values =
          scoring.stream().mapToDouble(d -> scores.get(d.id()).get(aene).get(h)).toArray();
      agg.put(h, WeightedMedian.of(values, weights));
    }
    double dlv = rubric.dlv(agg);
    if (!hits.isEmpty()) {
      flags.add(Flag.INSTRUCTION_LIKE);
      dlv *= 1 - policy.injectionPenalty();
    }
    if (judgeDlv.size() >= 2) {
      double spread =
          judgeDlv.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
              - judgeDlv.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
      if (spread > policy.disagreement()) {
        flags.add(Flag.DISAGREEMENT);
      }
    }
    return new AeneVerdict(
        aene,
        in.configurationId(),
        Optional.of(agg),
        Math.max(0, Math.min(1, dlv)),
        judgeDlv,
        all,
        flags,
        hits,
        basis);
  }

  private Map<String, Optional<Double>> alpha(
      List<JudgeInput> batch,
      List<JudgeDescriptor> active,
      Map<String, Map<String, Map<Heuristic, Double>>> scores) {
    Map<String, Optional<Double>> out = new TreeMap<>();
    for (Heuristic h : Heuristic.values()) {
      out.put(
          h.key(),
          alphaOf(
              batch,
              active,
              (judge, aene) -> {
                Map<Heuristic, Double> s = scores.get(judge).get(aene);
                return s == null ? Double.NaN : s.get(h);
              }));
    }
    out.put(
        "dlv",
        alphaOf(
            batch,
            active,
            (judge, aene) -> {
              Map<Heuristic, Double> s = scores.get(judge).get(aene);
              return s == null ? Double.NaN : rubric.dlv(s);
            }));
    return out;
  }

  private interface Rating {
    double of(String judge, String aene);
  }

  private static Optional<Double> alphaOf(
      List<JudgeInput> batch, List<JudgeDescriptor> active, Rating rating) {
    if (active.size() < 2) {
      return Optional.empty();
    }
    double[][] table = new double[batch.size()][active.size()];
    for (int u = 0; u < batch.size(); u++) {
      for (int r = 0; r < active.size(); r++) {
        table[u][r] = rating.of(active.get(r).id(), batch.get(u).aeneId());
      }
    }
    return KrippendorffAlpha.of(table, KrippendorffAlpha.Metric.INTERVAL);
  }

  /** 1 − mean |judge − aggregate| over the batch's (not the canaries') aenes and heuristics. */
  private Map<String, Optional<Double>> agreements(
      List<JudgeInput> batch,
      Map<String, AeneVerdict> verdicts,
      Map<String, Map<String, Map<Heuristic, Double>>> scores,
      Map<String, String> dropped) {
    Map<String, Optional<Double>> out = new TreeMap<>();
    for (Judge j : judges) {
      String id = j.descriptor().id();
      if (dropped.containsKey(id)) {
        out.put(id, Optional.of(0.0));
        continue;
      }
      double sum = 0;
      int n = 0;
      for (JudgeInput in : batch) {
        Map<Heuristic, Double> s = scores.get(id).get(in.aeneId());
        Optional<Map<Heuristic, Double>> agg = verdicts.get(in.aeneId()).heuristics();
        if (s == null || agg.isEmpty()) {
          continue;
        }
        for (Heuristic h : Heuristic.values()) {
          sum += Math.abs(s.get(h) - agg.get().get(h));
          n++;
        }
      }
      out.put(id, n == 0 ? Optional.empty() : Optional.of(1 - sum / n));
    }
    return out;
  }
}

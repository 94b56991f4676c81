package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import io.aurelius.judge.ensemble.CanaryVerdict;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.ranking.Ranked;
import io.aurelius.judge.scoring.ConfigurationScore;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.judge.scoring.EpochScorer;
import io.aurelius.judge.scoring.JudgedEpoch;
import io.aurelius.judge.stats.Auc;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Scores a labelled set's transcripts as one epoch and measures how well each score ranks GOOD
 * above BAD. The final reward is the ranking of the configurations the quality gate admits, as a
 * validator would pay them: a refused configuration is never simulated there, so it earns nothing,
 * and novelty is measured among the admitted only. The set is judged once; every gate threshold of
 * the sweep and both halves of the split-half check are ranked from that one judging.
 */
public final class QualityEvidence {
  /**
   * The quality gate thresholds the report sweeps. 0.01 and 0.02 were added after the first run:
   * the bundled model gives most BAD configurations of the dev set a probability far below 0.05,
   * and the grid's step from 0 to 0.05 was too coarse to find where it refuses only those
   * (docs/judging.md §9.2).
   */
  public static final List<Double> SWEEP = List.of(0.0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5);

  /**
   * The split-half rule for the gate threshold, fixed before any half was looked at: the gate is to
   * refuse only clearly poor configurations, so the largest threshold of {@link #SWEEP} that
   * refuses at most this share of the choosing half's GOOD configurations.
   */
  public static final double MAX_GOOD_REFUSED = 0.10;

  private QualityEvidence() {}

  /**
   * The quality gate's verdicts for the report.
   *
   * @param probability by scenario source: the gate's probability that it is GOOD
   * @param threshold configurations below it are refused (0: none is)
   */
  public record GateScores(Map<String, Double> probability, double threshold) {
    public GateScores {
      probability = Map.copyOf(probability);
    }
  }

  /** A configuration that was run, with what the report needs to re-rank it. */
  private record Entry(Scenario scenario, ContentId configId, double quality) {
    Label label() {
      return scenario.label();
    }
  }

  public static QualityReport run(
      List<Scenario> scenarios,
      List<Transcript> transcripts,
      EpochScorer scorer,
      String judges,
      List<String> rejected,
      GateScores gate) {
    requireNonNull(scenarios, "scenarios");
    requireNonNull(scorer, "scorer");
    requireNonNull(gate, "gate");
    double threshold = scorer.policy().dlvThreshold();
    JudgedEpoch judged = scorer.judge(transcripts, List.of(), ReputationBook.empty());
    Set<ContentId> judgedIds = Set.copyOf(judged.configIds());
    List<Entry> run = new ArrayList<>();
    for (Scenario s : scenarios) {
      ContentId id = s.config().id();
      if (judgedIds.contains(id)) {
        run.add(new Entry(s, id, gate.probability().getOrDefault(s.source(), 0.0)));
      }
    }
    // Every signal of every configuration, as if all were admitted: what each signal says of it.
    Map<ContentId, ConfigurationScore> byConfig = scores(scorer.rank(judged, id -> true));
    Map<ContentId, Ranked> ranked = ranked(scorer, judged, run, e -> admits(e, gate.threshold()));

    List<QualityReport.Row> rows = new ArrayList<>();
    int canaries = 0;
    int held = 0;
    for (Entry e : run) {
      ConfigurationScore c = byConfig.get(e.configId());
      List<CanaryVerdict> cv = c.verdict().canaries();
      canaries += cv.size();
      held += (int) cv.stream().filter(CanaryVerdict::passed).count();
      Optional<Ranked> r = Optional.ofNullable(ranked.get(e.configId()));
      rows.add(
          new QualityReport.Row(
              e.scenario().source(),
              e.label(),
              c.id(),
              e.configId().hex(),
              halfA(e.configId()) ? "A" : "B",
              c.aenes(),
              c.dlv(),
              c.dlvControl(),
              c.dlvSignal(),
              c.worldModelTokens() + c.agentTokens(),
              e.quality(),
              admits(e, gate.threshold()),
              c.novelty().novelty(),
              c.efficiency(),
              c.immersion().immersion(),
              r.map(Ranked::front).orElse(0),
              r.map(Ranked::reward).orElse(0.0),
              c.verdict().canariesHeld()));
    }
    Map<String, Auc> aucs = new LinkedHashMap<>();
    aucs.put("dlv", auc(rows, QualityReport.Row::label, QualityReport.Row::dlv));
    aucs.put("quality_gate", auc(rows, QualityReport.Row::label, QualityReport.Row::quality));
    aucs.put("reward", auc(rows, QualityReport.Row::label, QualityReport.Row::reward));
    aucs.put("novelty", auc(rows, QualityReport.Row::label, QualityReport.Row::novelty));
    aucs.put("efficiency", auc(rows, QualityReport.Row::label, QualityReport.Row::efficiency));
    aucs.put("immersion", auc(rows, QualityReport.Row::label, QualityReport.Row::immersion));
    Map<String, QualityReport.PassRate> gates = new LinkedHashMap<>();
    gates.put("dlv", passRate(rows, QualityReport.Row::label, r -> r.dlv() >= threshold));
    gates.put("quality", passRate(rows, QualityReport.Row::label, QualityReport.Row::admitted));

    List<QualityReport.SweepRow> sweep = new ArrayList<>();
    for (double t : SWEEP) {
      sweep.add(sweepRow(scorer, judged, run, t));
    }
    Predicate<Entry> inA = e -> halfA(e.configId());
    List<QualityReport.HeldOut> heldOut =
        List.of(
            heldOut("A", "B", scorer, judged, run, inA, inA.negate(), gate.threshold()),
            heldOut("B", "A", scorer, judged, run, inA.negate(), inA, gate.threshold()));
    return new QualityReport(
        rows,
        aucs,
        gates,
        canaries,
        held,
        threshold,
        scorer.policy().minDecisions(),
        gate.threshold(),
        judges,
        rejected,
        sweep,
        heldOut);
  }

  /**
   * The split: half A holds the configurations whose content id (a hash of the configuration) ends
   * in an even byte, half B the rest; independent of labels and of file order.
   */
  static boolean halfA(ContentId id) {
    byte[] d = id.digest();
    return (d[d.length - 1] & 1) == 0;
  }

  private static QualityReport.SweepRow sweepRow(
      EpochScorer scorer, JudgedEpoch judged, List<Entry> run, double t) {
    Map<ContentId, Ranked> ranked = ranked(scorer, judged, run, e -> admits(e, t));
    ToDoubleFunction<Entry> reward = e -> reward(ranked, e);
    long admitted = run.stream().filter(e -> admits(e, t)).count();
    return new QualityReport.SweepRow(
        t,
        auc(run, Entry::label, reward),
        passRate(run, Entry::label, e -> admits(e, t)),
        passRate(run, Entry::label, e -> reward.applyAsDouble(e) > 0),
        run.isEmpty() ? 0 : (double) admitted / run.size());
  }

  /**
   * Chooses the gate threshold and the minimum of decisions on one half by the stated rules, then
   * measures the other half as an epoch of its own with those choices, and with the report's own
   * settings for comparison.
   */
  private static QualityReport.HeldOut heldOut(
      String chosenOn,
      String measuredOn,
      EpochScorer scorer,
      JudgedEpoch judged,
      List<Entry> run,
      Predicate<Entry> choose,
      Predicate<Entry> measure,
      double settingsThreshold) {
    List<Entry> choosing = run.stream().filter(choose).toList();
    List<Entry> measured = run.stream().filter(measure).toList();
    double t = chooseThreshold(choosing);
    Map<ContentId, ConfigurationScore> all = scores(scorer.rank(judged, id -> true));
    int m = chooseMinDecisions(choosing, all);
    EpochScorer chosen = scorer.withPolicy(scorer.policy().withMinDecisions(m));
    QualityReport.HeldOutFigures withChoices = figures(chosen, judged, measured, t);
    QualityReport.HeldOutFigures withSettings =
        figures(scorer, judged, measured, settingsThreshold);
    return new QualityReport.HeldOut(
        chosenOn,
        measuredOn,
        choosing.size(),
        measured.size(),
        t,
        m,
        withChoices,
        settingsThreshold,
        scorer.policy().minDecisions(),
        withSettings);
  }

  /** The largest swept threshold refusing at most {@link #MAX_GOOD_REFUSED} of the GOOD. */
  static double chooseThreshold(List<Entry> half) {
    List<Entry> good = half.stream().filter(e -> e.label() == Label.GOOD).toList();
    double best = 0;
    for (double t : SWEEP) {
      long refused = good.stream().filter(e -> !admits(e, t)).count();
      if (refused <= MAX_GOOD_REFUSED * good.size()) {
        best = Math.max(best, t);
      }
    }
    return best;
  }

  /** The smallest GOOD world's decisions per seed (aenes of both framings ÷ seeds). */
  private static int chooseMinDecisions(List<Entry> half, Map<ContentId, ConfigurationScore> all) {
    return half.stream()
        .filter(e -> e.label() == Label.GOOD)
        .map(e -> all.get(e.configId()))
        .mapToInt(c -> c.aenes() / Math.max(1, (c.runs() + 1) / 2))
        .min()
        .orElse(0);
  }

  private static QualityReport.HeldOutFigures figures(
      EpochScorer scorer, JudgedEpoch judged, List<Entry> half, double t) {
    Set<ContentId> ids = half.stream().map(Entry::configId).collect(Collectors.toSet());
    Map<ContentId, ConfigurationScore> dlv = scores(scorer.rank(judged, ids::contains));
    Map<ContentId, Ranked> ranked = ranked(scorer, judged, half, e -> admits(e, t));
    return new QualityReport.HeldOutFigures(
        auc(half, Entry::label, e -> reward(ranked, e)),
        auc(half, Entry::label, e -> dlv.get(e.configId()).dlv()),
        passRate(half, Entry::label, e -> admits(e, t)),
        passRate(half, Entry::label, e -> reward(ranked, e) > 0));
  }

  /** Ranks the entries of {@code run} that {@code admitted} accepts as one epoch. */
  private static Map<ContentId, Ranked> ranked(
      EpochScorer scorer, JudgedEpoch judged, List<Entry> run, Predicate<Entry> admitted) {
    Set<ContentId> ids =
        run.stream().filter(admitted).map(Entry::configId).collect(Collectors.toSet());
    EpochScore epoch = scorer.rank(judged, ids::contains);
    Map<String, Ranked> byId = new HashMap<>();
    epoch.ranking().ranked().forEach(r -> byId.put(r.id(), r));
    Map<ContentId, Ranked> out = new HashMap<>();
    for (ConfigurationScore c : epoch.configurations()) {
      Ranked r = byId.get(c.id());
      if (r != null) {
        out.put(c.configId(), r);
      }
    }
    return out;
  }

  private static Map<ContentId, ConfigurationScore> scores(EpochScore epoch) {
    Map<ContentId, ConfigurationScore> out = new HashMap<>();
    epoch.configurations().forEach(c -> out.put(c.configId(), c));
    return out;
  }

  private static double reward(Map<ContentId, Ranked> ranked, Entry e) {
    Ranked r = ranked.get(e.configId());
    return r == null ? 0 : r.reward();
  }

  private static boolean admits(Entry e, double threshold) {
    return e.quality() >= threshold;
  }

  private static <T> Auc auc(
      List<T> items, java.util.function.Function<T, Label> label, ToDoubleFunction<T> f) {
    List<Double> good = new ArrayList<>();
    List<Double> bad = new ArrayList<>();
    for (T x : items) {
      (label.apply(x) == Label.GOOD ? good : bad).add(f.applyAsDouble(x));
    }
    return Auc.of(good, bad);
  }

  private static <T> QualityReport.PassRate passRate(
      List<T> items, java.util.function.Function<T, Label> label, Predicate<T> passes) {
    int good = 0;
    int goodPassed = 0;
    int bad = 0;
    int badPassed = 0;
    for (T x : items) {
      boolean p = passes.test(x);
      if (label.apply(x) == Label.GOOD) {
        good++;
        goodPassed += p ? 1 : 0;
      } else {
        bad++;
        badPassed += p ? 1 : 0;
      }
    }
    return new QualityReport.PassRate(good, goodPassed, bad, badPassed);
  }
}

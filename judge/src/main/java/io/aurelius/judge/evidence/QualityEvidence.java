package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.ensemble.CanaryVerdict;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.ranking.EpochRanking;
import io.aurelius.judge.ranking.ParetoRanking;
import io.aurelius.judge.ranking.Ranked;
import io.aurelius.judge.ranking.SubmissionSignals;
import io.aurelius.judge.scoring.ConfigurationScore;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.judge.scoring.EpochScorer;
import io.aurelius.judge.stats.Auc;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Scores a labelled set's transcripts as one epoch and measures how well each score ranks GOOD
 * above BAD. The final reward is the ranking of the configurations the quality gate admits (all of
 * them without a gate), as a validator would pay them: a refused configuration is never simulated
 * there, so it earns nothing.
 */
public final class QualityEvidence {
  private QualityEvidence() {}

  /**
   * The quality gate's verdicts for the report.
   *
   * @param probability by scenario source: the gate's probability that it is GOOD
   * @param threshold configurations below it are refused
   */
  public record GateScores(Map<String, Double> probability, double threshold) {
    public GateScores {
      probability = Map.copyOf(probability);
    }
  }

  public static QualityReport run(
      List<Scenario> scenarios,
      List<Transcript> transcripts,
      EpochScorer scorer,
      double threshold,
      String judges,
      List<String> rejected,
      Optional<GateScores> gate) {
    requireNonNull(scenarios, "scenarios");
    requireNonNull(gate, "gate");
    EpochScore epoch = scorer.score(transcripts, List.of(), ReputationBook.empty());
    Map<String, ConfigurationScore> byConfig = new HashMap<>();
    epoch.configurations().forEach(c -> byConfig.put(c.configId().hex(), c));
    List<Scenario> run = new ArrayList<>();
    List<SubmissionSignals> admitted = new ArrayList<>();
    for (Scenario s : scenarios) {
      ConfigurationScore c = byConfig.get(s.config().id().hex());
      if (c == null) {
        continue;
      }
      run.add(s);
      if (admits(gate, s)) {
        admitted.add(
            new SubmissionSignals(
                c.id(), c.dlv(), c.novelty().novelty(), c.efficiency(), c.immersion().immersion()));
      }
    }
    EpochRanking ranking = ParetoRanking.rank(admitted, epoch.ranking().policy());
    Map<String, Ranked> ranked = new HashMap<>();
    ranking.ranked().forEach(r -> ranked.put(r.id(), r));

    List<QualityReport.Row> rows = new ArrayList<>();
    int canaries = 0;
    int held = 0;
    for (Scenario s : run) {
      ConfigurationScore c = byConfig.get(s.config().id().hex());
      List<CanaryVerdict> cv = c.verdict().canaries();
      canaries += cv.size();
      held += (int) cv.stream().filter(CanaryVerdict::passed).count();
      Optional<Ranked> r = Optional.ofNullable(ranked.get(c.id()));
      rows.add(
          new QualityReport.Row(
              s.source(),
              s.label(),
              c.id(),
              c.aenes(),
              c.dlv(),
              c.dlvControl(),
              c.dlvSignal(),
              c.worldModelTokens() + c.agentTokens(),
              gate.map(g -> g.probability().get(s.source())).orElse(Double.NaN),
              admits(gate, s),
              c.novelty().novelty(),
              c.efficiency(),
              c.immersion().immersion(),
              r.map(Ranked::front).orElse(0),
              r.map(Ranked::reward).orElse(0.0),
              c.verdict().canariesHeld()));
    }
    Map<String, Auc> aucs = new LinkedHashMap<>();
    aucs.put("dlv", auc(rows, QualityReport.Row::dlv));
    gate.ifPresent(g -> aucs.put("quality_gate", auc(rows, QualityReport.Row::quality)));
    aucs.put("reward", auc(rows, QualityReport.Row::reward));
    aucs.put("novelty", auc(rows, QualityReport.Row::novelty));
    aucs.put("efficiency", auc(rows, QualityReport.Row::efficiency));
    aucs.put("immersion", auc(rows, QualityReport.Row::immersion));
    Map<String, QualityReport.PassRate> gates = new LinkedHashMap<>();
    gates.put("dlv", passRate(rows, r -> r.dlv() >= threshold));
    gate.ifPresent(g -> gates.put("quality", passRate(rows, QualityReport.Row::admitted)));
    return new QualityReport(rows, aucs, gates, canaries, held, threshold, judges, rejected);
  }

  private static boolean admits(Optional<GateScores> gate, Scenario s) {
    return gate.map(g -> g.probability().getOrDefault(s.source(), 0.0) >= g.threshold())
        .orElse(true);
  }

  private static Auc auc(List<QualityReport.Row> rows, ToDoubleFunction<QualityReport.Row> f) {
    List<Double> good = new ArrayList<>();
    List<Double> bad = new ArrayList<>();
    for (QualityReport.Row r : rows) {
      (r.label() == Label.GOOD ? good : bad).add(f.applyAsDouble(r));
    }
    return Auc.of(good, bad);
  }

  private static QualityReport.PassRate passRate(
      List<QualityReport.Row> rows, java.util.function.Predicate<QualityReport.Row> passes) {
    int good = 0;
    int goodPassed = 0;
    int bad = 0;
    int badPassed = 0;
    for (QualityReport.Row r : rows) {
      boolean p = passes.test(r);
      if (r.label() == Label.GOOD) {
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

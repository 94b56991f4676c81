package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Framing;
import io.aurelius.judge.ensemble.CanaryVerdict;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.scoring.ConfigurationScore;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.judge.scoring.EpochScorer;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Runs the scenarios and scores them as one epoch, then compares GOOD with BAD. */
public final class Evidence {
  private Evidence() {}

  /**
   * @param seeds runs per configuration and framing (seeds 1..n)
   */
  public static EvidenceReport run(
      List<Scenario> scenarios,
      AgentModel agents,
      int seeds,
      EpochScorer scorer,
      double threshold,
      String judges,
      List<String> rejected) {
    requireNonNull(scenarios, "scenarios");
    requireNonNull(agents, "agents");
    requireNonNull(scorer, "scorer");
    if (seeds < 1 || seeds > 100) {
      throw new IllegalArgumentException("seeds: " + seeds + " (expected: 1..100)");
    }
    List<Transcript> transcripts = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (int seed = 1; seed <= seeds; seed++) {
        for (Framing framing : Framing.values()) {
          RunResult r =
              Orchestrator.run(new RunSpec(s.config(), framing, seed, agents), RunObserver.NONE);
          transcripts.add(r.transcript());
        }
      }
    }
    EpochScore epoch = scorer.score(transcripts, List.of(), ReputationBook.empty());
    Map<String, ConfigurationScore> byConfig = new HashMap<>();
    epoch.configurations().forEach(c -> byConfig.put(c.configId().hex(), c));
    List<EvidenceReport.Row> rows = new ArrayList<>();
    int canaries = 0;
    int held = 0;
    for (Scenario s : scenarios) {
      ConfigurationScore c = byConfig.get(s.config().id().hex());
      if (c == null) {
        continue;
      }
      List<CanaryVerdict> cv = c.verdict().canaries();
      canaries += cv.size();
      held += (int) cv.stream().filter(CanaryVerdict::passed).count();
      TreeSet<String> basis = new TreeSet<>();
      c.verdict().aenes().forEach(a -> basis.add(a.basis()));
      rows.add(
          new EvidenceReport.Row(
              s.source(),
              s.label(),
              c.aenes(),
              c.dlv(),
              c.dlvControl(),
              c.verdict().canariesHeld(),
              String.join(",", basis)));
    }
    return new EvidenceReport(rows, canaries, held, threshold, judges, seeds, rejected);
  }

  static double auc(List<Double> goods, List<Double> bads) {
    if (goods.isEmpty() || bads.isEmpty()) {
      return 0.5;
    }
    double wins = 0;
    for (double g : goods) {
      for (double b : bads) {
        wins += g > b ? 1 : g == b ? 0.5 : 0;
      }
    }
    return wins / (goods.size() * bads.size());
  }
}

package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.stats.Auc;
import java.util.List;
import java.util.Map;

/**
 * What {@code aurelius judge report --labelled} found: per configuration its scores and reward, the
 * AUC (GOOD above BAD) of each score with a bootstrap interval, the gates' pass rates by label, the
 * first Pareto front, and the canaries.
 *
 * @param aucs by measure, in report order: dlv, quality_gate (with a gate), reward, novelty,
 *     efficiency, immersion
 * @param gates by gate (dlv, quality): how many of each label passed
 */
public record QualityReport(
    List<Row> rows,
    Map<String, Auc> aucs,
    Map<String, PassRate> gates,
    int canaries,
    int canariesHeld,
    double threshold,
    String judges,
    List<String> rejected) {
  public QualityReport {
    rows = List.copyOf(rows);
    aucs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aucs));
    gates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gates));
    rejected = List.copyOf(rejected);
    requireNonNull(judges, "judges");
  }

  /**
   * One configuration.
   *
   * @param signal the alignment signal (Σ DLV above the threshold over its aenes)
   * @param tokens world-model and agent tokens of its runs
   * @param quality the quality gate's probability of GOOD; NaN without a gate
   * @param admitted false if the quality gate refused it (it then gets no reward)
   * @param front its Pareto front in the final ranking; 0 if it was not ranked
   */
  public record Row(
      String source,
      Label label,
      String id,
      int aenes,
      double dlv,
      double dlvControl,
      double signal,
      long tokens,
      double quality,
      boolean admitted,
      double novelty,
      double efficiency,
      double immersion,
      int front,
      double reward,
      boolean canariesHeld) {}

  /** How many GOOD and BAD configurations a gate let through. */
  public record PassRate(int good, int goodPassed, int bad, int badPassed) {}

  public List<Row> firstFront() {
    return rows.stream().filter(r -> r.front() == 1).toList();
  }

  public boolean canariesAllHeld() {
    return canaries == canariesHeld;
  }
}

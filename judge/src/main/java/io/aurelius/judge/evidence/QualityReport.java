package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.stats.Auc;
import java.util.List;
import java.util.Map;

/**
 * What {@code aurelius judge report --labelled} found: per configuration its scores and reward, the
 * AUC (GOOD above BAD) of each score with a bootstrap interval, the gates' pass rates by label, the
 * first Pareto front, the canaries, a sweep of the quality gate's threshold and a split-half check
 * of the choices read from the set.
 *
 * @param aucs by measure, in report order: dlv, quality_gate, reward, novelty, efficiency,
 *     immersion
 * @param gates by gate (dlv, quality): how many of each label passed
 * @param threshold the DLV threshold
 * @param minDecisions the minimum of decisions per seed a configuration's DLV counts
 * @param gateThreshold the quality gate threshold the rows and the final reward use
 * @param sweep per quality gate threshold of {@link QualityEvidence#SWEEP}, from the same judging
 * @param heldOut choices made on one half, measured on the other (A → B, then B → A)
 */
public record QualityReport(
    List<Row> rows,
    Map<String, Auc> aucs,
    Map<String, PassRate> gates,
    int canaries,
    int canariesHeld,
    double threshold,
    int minDecisions,
    double gateThreshold,
    String judges,
    List<String> rejected,
    List<SweepRow> sweep,
    List<HeldOut> heldOut) {
  public QualityReport {
    rows = List.copyOf(rows);
    sweep = List.copyOf(sweep);
    heldOut = List.copyOf(heldOut);
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
   * @param half A or B in the split-half check
   */
  public record Row(
      String source,
      Label label,
      String id,
      String configId,
      String half,
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

  /**
   * The set ranked with one quality gate threshold.
   *
   * @param admitted how many of each label the gate admitted
   * @param paid how many of each label earned a reward
   * @param simulated the share of configurations admitted, so simulated: the model spend
   */
  public record SweepRow(
      double threshold, Auc reward, PassRate admitted, PassRate paid, double simulated) {}

  /**
   * The gate threshold and the minimum of decisions chosen on half {@code chosenOn} by the rules of
   * {@link QualityEvidence}, and the other half, ranked as an epoch of its own, measured with those
   * choices and with the report's settings.
   */
  public record HeldOut(
      String chosenOn,
      String measuredOn,
      int chosenConfigurations,
      int measuredConfigurations,
      double gateThreshold,
      int minDecisions,
      HeldOutFigures withChoices,
      double settingsGateThreshold,
      int settingsMinDecisions,
      HeldOutFigures withSettings) {}

  /** One half's reward and DLV AUC, and how many of each label were admitted and paid. */
  public record HeldOutFigures(Auc reward, Auc dlv, PassRate admitted, PassRate paid) {}

  public List<Row> firstFront() {
    return rows.stream().filter(r -> r.front() == 1).toList();
  }

  public boolean canariesAllHeld() {
    return canaries == canariesHeld;
  }
}

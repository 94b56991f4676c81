package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The report.
 *
 * @param rows one per configuration, in the order run
 * @param goodMean mean DLV of the GOOD configurations
 * @param badMean mean DLV of the BAD ones
 * @param auc the probability that a GOOD configuration, drawn at random, outscores a BAD one
 *     (ties count half); 0.5 is chance
 * @param canaries how many canaries were judged, and {@code canariesHeld} how many stayed below
 *     the threshold
 * @param rejected configurations that could not be loaded, with why
 */
public record EvidenceReport(
    List<Row> rows, double goodMean, double badMean, double auc, int canaries, int canariesHeld,
    double threshold, String judges, int seeds, List<String> rejected) {
  public EvidenceReport {
    rows = List.copyOf(rows);
    requireNonNull(judges, "judges");
    rejected = List.copyOf(rejected);
  }

  /** Mean DLV per source (the part of {@code source} before ':') and label. */
  public List<GroupMean> groups() {
    java.util.Map<String, double[]> sums = new java.util.TreeMap<>();
    for (Row r : rows) {
      String key = r.source().split(":", 2)[0] + " " + r.label();
      double[] s = sums.computeIfAbsent(key, k -> new double[2]);
      s[0] += r.dlv();
      s[1]++;
    }
    List<GroupMean> out = new java.util.ArrayList<>();
    sums.forEach((k, s) -> {
      String[] parts = k.split(" ");
      out.add(new GroupMean(parts[0], Label.valueOf(parts[1]), (int) s[1], s[0] / s[1]));
    });
    return out;
  }

  /** The mean DLV of one source's configurations with one label. */
  public record GroupMean(String source, Label label, int configurations, double mean) {}

  /** One configuration's line. */
  public record Row(String source, Label label, int aenes, double dlv, double dlvControl, boolean canariesHeld,
      String basis) {}

  public double separation() {
    return goodMean - badMean;
  }

  /** GOOD above BAD on average, and every canary below the threshold. */
  public boolean holds() {
    return goodMean > badMean && canariesHeld == canaries;
  }
}

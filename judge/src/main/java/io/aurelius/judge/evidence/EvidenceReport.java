package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The report.
 *
 * @param rows one per configuration, in the order run; a row's source is {@code catalogue:NAME},
 *     {@code sn37:FILE} or {@code dev:KIND:NAME} (a degraded copy of a catalogue scenario)
 * @param canaries how many canaries were judged, and {@code canariesHeld} how many stayed below the
 *     threshold
 * @param rejected configurations that could not be loaded, with why
 */
public record EvidenceReport(
    List<Row> rows,
    int canaries,
    int canariesHeld,
    double threshold,
    String judges,
    int seeds,
    List<String> rejected) {
  public EvidenceReport {
    rows = List.copyOf(rows);
    requireNonNull(judges, "judges");
    rejected = List.copyOf(rejected);
  }

  /**
   * GOOD against BAD over the catalogue and SN37 (the development set's degraded copies left out).
   */
  public Comparison overall() {
    return compare("overall", r -> !r.source().startsWith("dev:"));
  }

  /** GOOD against BAD within the SN37 examples only: the out-of-sample test. */
  public Comparison sn37() {
    return compare("sn37", r -> r.source().startsWith("sn37:"));
  }

  /** The catalogue (GOOD) against its degraded copies (BAD): the set the features were tuned on. */
  public Comparison dev() {
    return compare(
        "dev", r -> r.source().startsWith("dev:") || r.source().startsWith("catalogue:"));
  }

  /** The catalogue against one kind of degraded copy. */
  public Comparison dev(Degradation kind) {
    String prefix = "dev:" + kind.label() + ":";
    return compare(
        "dev " + kind.label(),
        r -> r.source().startsWith(prefix) || r.source().startsWith("catalogue:"));
  }

  /** Whether any degraded copies were run. */
  public boolean hasDev() {
    return rows.stream().anyMatch(r -> r.source().startsWith("dev:"));
  }

  /** Whether any SN37 examples were run. */
  public boolean hasSn37() {
    return rows.stream().anyMatch(r -> r.source().startsWith("sn37:"));
  }

  private Comparison compare(String name, Predicate<Row> in) {
    List<Double> goods = new ArrayList<>();
    List<Double> bads = new ArrayList<>();
    for (Row r : rows) {
      if (in.test(r)) {
        (r.label() == Label.GOOD ? goods : bads).add(r.dlv());
      }
    }
    return new Comparison(
        name, goods.size(), mean(goods), bads.size(), mean(bads), Evidence.auc(goods, bads));
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /** Mean DLV per source (the part of {@code source} before ':') and label. */
  public List<GroupMean> groups() {
    Map<String, double[]> sums = new TreeMap<>();
    for (Row r : rows) {
      String key = r.source().split(":", 2)[0] + " " + r.label();
      double[] s = sums.computeIfAbsent(key, k -> new double[2]);
      s[0] += r.dlv();
      s[1]++;
    }
    List<GroupMean> out = new ArrayList<>();
    sums.forEach(
        (k, s) -> {
          String[] parts = k.split(" ");
          out.add(new GroupMean(parts[0], Label.valueOf(parts[1]), (int) s[1], s[0] / s[1]));
        });
    return out;
  }

  /** The mean DLV of one source's configurations with one label. */
  public record GroupMean(String source, Label label, int configurations, double mean) {}

  /** One configuration's line. */
  public record Row(
      String source,
      Label label,
      int aenes,
      double dlv,
      double dlvControl,
      boolean canariesHeld,
      String basis) {}

  /**
   * GOOD against BAD over some rows.
   *
   * @param auc the probability that a GOOD configuration, drawn at random, outscores a BAD one
   *     (ties count half); 0.5 is chance
   */
  public record Comparison(
      String name, int good, double goodMean, int bad, double badMean, double auc) {
    public double separation() {
      return goodMean - badMean;
    }

    /** Both sides present and GOOD above BAD on average. */
    public boolean separates() {
      return good > 0 && bad > 0 && goodMean > badMean;
    }
  }

  /**
   * GOOD above BAD on average overall (when there is a BAD configuration outside the development
   * set), GOOD above BAD on the development set (when it was run), and every canary below the
   * threshold.
   */
  public boolean holds() {
    Comparison overall = overall();
    return (overall.bad() == 0 || overall.separates())
        && (!hasDev() || dev().separates())
        && canariesAllHeld();
  }

  /** Every canary below the threshold. */
  public boolean canariesAllHeld() {
    return canariesHeld == canaries;
  }
}

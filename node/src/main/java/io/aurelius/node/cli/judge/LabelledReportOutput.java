package io.aurelius.node.cli.judge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.judge.evidence.QualityReport;
import io.aurelius.judge.stats.Auc;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints {@code judge report --labelled}: a table, or JSON ({@code aurelius.quality/1}). */
final class LabelledReportOutput {
  private LabelledReportOutput() {}

  static void table(PrintWriter o, QualityReport r) {
    o.println(
        "labelled set: sim agents (output labelled sim), both framings; judges: " + r.judges());
    boolean gate = r.gates().containsKey("quality");
    o.printf(
        "%-34s %-5s %5s %6s %6s %6s %6s %6s %6s %5s %7s%n",
        "CONFIGURATION",
        "LABEL",
        "AENES",
        "DLV",
        "GATE",
        "NOVEL",
        "EFFIC",
        "IMMER",
        "CTL",
        "FRONT",
        "REWARD");
    for (QualityReport.Row row : r.rows()) {
      o.printf(
          Locale.ROOT,
          "%-34s %-5s %5d %6s %6s %6s %6s %6s %6s %5s %7.4f%n",
          ScoreTables.cut(row.id(), 34),
          row.label(),
          row.aenes(),
          ScoreTables.fmt(row.dlv()),
          gate ? (row.admitted() ? "" : "!") + ScoreTables.fmt(row.quality()) : "-",
          ScoreTables.fmt(row.novelty()),
          ScoreTables.fmt(row.efficiency()),
          ScoreTables.fmt(row.immersion()),
          ScoreTables.fmt(row.dlvControl()),
          row.front() == 0 ? "-" : Integer.toString(row.front()),
          row.reward());
    }
    r.rejected().forEach(x -> o.println("not run: " + x));
    o.println();
    o.println(
        "AUC, P(GOOD > BAD) with 95% bootstrap interval ("
            + Auc.RESAMPLES
            + " resamples, seed "
            + Auc.SEED
            + "):");
    for (Map.Entry<String, Auc> e : r.aucs().entrySet()) {
      o.printf(
          Locale.ROOT,
          "  %-14s %.3f  [%.3f, %.3f]%n",
          e.getKey(),
          e.getValue().value(),
          e.getValue().low(),
          e.getValue().high());
    }
    for (Map.Entry<String, QualityReport.PassRate> e : r.gates().entrySet()) {
      QualityReport.PassRate p = e.getValue();
      o.printf(
          Locale.ROOT,
          "%s gate passes GOOD %d of %d, BAD %d of %d%n",
          e.getKey(),
          p.goodPassed(),
          p.good(),
          p.badPassed(),
          p.bad());
    }
    o.println(
        "first front: "
            + String.join(
                ", ",
                r.firstFront().stream()
                    .map(
                        x ->
                            String.format(Locale.ROOT, "%s %s %.3f", x.id(), x.label(), x.reward()))
                    .toList()));
    o.printf(
        Locale.ROOT,
        "canaries below the DLV threshold %.2f: %d of %d%n",
        r.threshold(),
        r.canariesHeld(),
        r.canaries());
  }

  static ObjectNode json(QualityReport r) {
    ObjectNode o = Json.newObject();
    o.put("format", "aurelius.quality/1")
        .put("judges", r.judges())
        .put("dlv_threshold", r.threshold())
        .put("bootstrap_resamples", Auc.RESAMPLES)
        .put("bootstrap_seed", Auc.SEED);
    ArrayNode rows = o.putArray("configurations");
    for (QualityReport.Row row : r.rows()) {
      ObjectNode x =
          rows.addObject()
              .put("source", row.source())
              .put("id", row.id())
              .put("label", row.label().name())
              .put("aenes", row.aenes())
              .put("dlv", row.dlv())
              .put("dlv_control", row.dlvControl())
              .put("signal", row.signal())
              .put("tokens", row.tokens());
      if (!Double.isNaN(row.quality())) {
        x.put("quality", row.quality()).put("admitted", row.admitted());
      }
      x.put("novelty", row.novelty())
          .put("efficiency", row.efficiency())
          .put("immersion", row.immersion())
          .put("front", row.front())
          .put("reward", row.reward())
          .put("canaries_held", row.canariesHeld());
    }
    ObjectNode aucs = o.putObject("auc");
    r.aucs()
        .forEach(
            (k, a) ->
                aucs.putObject(k)
                    .put("value", a.value())
                    .put("low", a.low())
                    .put("high", a.high()));
    ObjectNode gates = o.putObject("gates");
    r.gates()
        .forEach(
            (k, p) ->
                gates
                    .putObject(k)
                    .put("good", p.good())
                    .put("good_passed", p.goodPassed())
                    .put("bad", p.bad())
                    .put("bad_passed", p.badPassed()));
    ArrayNode front = o.putArray("first_front");
    r.firstFront()
        .forEach(
            x ->
                front
                    .addObject()
                    .put("id", x.id())
                    .put("label", x.label().name())
                    .put("reward", x.reward()));
    o.put("canaries", r.canaries()).put("canaries_held", r.canariesHeld());
    ArrayNode rejected = o.putArray("not_run");
    r.rejected().forEach(rejected::add);
    return o;
  }
}

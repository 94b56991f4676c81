package io.aurelius.node.cli.judge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.judge.evidence.QualityEvidence;
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
    o.printf(
        Locale.ROOT,
        "settings: DLV threshold %.2f, at least %d decisions per seed, quality gate %.2f%n",
        r.threshold(),
        r.minDecisions(),
        r.gateThreshold());
    boolean gate = r.gateThreshold() > 0;
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
    sweep(o, r);
    heldOut(o, r);
  }

  private static void sweep(PrintWriter o, QualityReport r) {
    o.println();
    o.println("quality gate sweep (the same simulations, re-ranked per threshold):");
    o.printf(
        "  %9s  %-22s  %-13s  %-13s  %-13s  %s%n",
        "THRESHOLD",
        "REWARD AUC [95%]",
        "GOOD ADMITTED",
        "BAD ADMITTED",
        "PAID GOOD/BAD",
        "SIMULATED");
    for (QualityReport.SweepRow w : r.sweep()) {
      o.printf(
          Locale.ROOT,
          "  %9.2f  %.3f [%.3f, %.3f]    %-13s  %-13s  %-13s  %.0f%%%n",
          w.threshold(),
          w.reward().value(),
          w.reward().low(),
          w.reward().high(),
          w.admitted().goodPassed() + " of " + w.admitted().good(),
          w.admitted().badPassed() + " of " + w.admitted().bad(),
          w.paid().goodPassed() + " / " + w.paid().badPassed(),
          100 * w.simulated());
    }
  }

  private static void heldOut(PrintWriter o, QualityReport r) {
    o.println();
    o.printf(
        Locale.ROOT,
        "split-half check (held out): halves by configuration id; on the choosing half the gate "
            + "threshold is the largest swept one refusing at most %.0f%% of GOOD, the minimum of "
            + "decisions the smallest GOOD world's per seed; the other half is ranked alone%n",
        100 * QualityEvidence.MAX_GOOD_REFUSED);
    for (QualityReport.HeldOut h : r.heldOut()) {
      o.printf(
          Locale.ROOT,
          "  chosen on %s (%d): gate %.2f, %d decisions; measured on %s (%d):%n",
          h.chosenOn(),
          h.chosenConfigurations(),
          h.gateThreshold(),
          h.minDecisions(),
          h.measuredOn(),
          h.measuredConfigurations());
      figures(o, "held out, those choices", h.withChoices());
      figures(
          o,
          String.format(
              Locale.ROOT,
              "settings (gate %.2f, %d decisions)",
              h.settingsGateThreshold(),
              h.settingsMinDecisions()),
          h.withSettings());
    }
  }

  private static void figures(PrintWriter o, String what, QualityReport.HeldOutFigures f) {
    o.printf(
        Locale.ROOT,
        "    %-34s reward AUC %.3f [%.3f, %.3f]  DLV AUC %.3f [%.3f, %.3f]  admitted GOOD %d of %d,"
            + " BAD %d of %d  paid GOOD %d, BAD %d%n",
        what,
        f.reward().value(),
        f.reward().low(),
        f.reward().high(),
        f.dlv().value(),
        f.dlv().low(),
        f.dlv().high(),
        f.admitted().goodPassed(),
        f.admitted().good(),
        f.admitted().badPassed(),
        f.admitted().bad(),
        f.paid().goodPassed(),
        f.paid().badPassed());
  }

  static ObjectNode json(QualityReport r) {
    ObjectNode o = Json.newObject();
    o.put("format", "aurelius.quality/1")
        .put("judges", r.judges())
        .put("dlv_threshold", r.threshold())
        .put("min_decisions", r.minDecisions())
        .put("gate_threshold", r.gateThreshold())
        .put("bootstrap_resamples", Auc.RESAMPLES)
        .put("bootstrap_seed", Auc.SEED);
    ArrayNode rows = o.putArray("configurations");
    for (QualityReport.Row row : r.rows()) {
      ObjectNode x =
          rows.addObject()
              .put("source", row.source())
              .put("id", row.id())
              .put("config_id", row.configId())
              .put("half", row.half())
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
    r.aucs().forEach((k, a) -> auc(aucs.putObject(k), a));
    ObjectNode gates = o.putObject("gates");
    r.gates().forEach((k, p) -> passRate(gates.putObject(k), p));
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
    ArrayNode sweep = o.putArray("gate_sweep");
    for (QualityReport.SweepRow w : r.sweep()) {
      ObjectNode x = sweep.addObject().put("threshold", w.threshold());
      auc(x.putObject("reward_auc"), w.reward());
      passRate(x.putObject("admitted"), w.admitted());
      passRate(x.putObject("paid"), w.paid());
      x.put("simulated", w.simulated());
    }
    ObjectNode split = o.putObject("held_out");
    split.put("max_good_refused", QualityEvidence.MAX_GOOD_REFUSED);
    ArrayNode checks = split.putArray("checks");
    for (QualityReport.HeldOut h : r.heldOut()) {
      ObjectNode x =
          checks
              .addObject()
              .put("chosen_on", h.chosenOn())
              .put("measured_on", h.measuredOn())
              .put("chosen_configurations", h.chosenConfigurations())
              .put("measured_configurations", h.measuredConfigurations())
              .put("gate_threshold", h.gateThreshold())
              .put("min_decisions", h.minDecisions());
      figures(x.putObject("with_choices"), h.withChoices());
      figures(
          x.putObject("with_settings")
              .put("gate_threshold", h.settingsGateThreshold())
              .put("min_decisions", h.settingsMinDecisions()),
          h.withSettings());
    }
    return o;
  }

  private static void figures(ObjectNode o, QualityReport.HeldOutFigures f) {
    auc(o.putObject("reward_auc"), f.reward());
    auc(o.putObject("dlv_auc"), f.dlv());
    passRate(o.putObject("admitted"), f.admitted());
    passRate(o.putObject("paid"), f.paid());
  }

  private static void auc(ObjectNode o, Auc a) {
    o.put("value", a.value()).put("low", a.low()).put("high", a.high());
  }

  private static void passRate(ObjectNode o, QualityReport.PassRate p) {
    o.put("good", p.good())
        .put("good_passed", p.goodPassed())
        .put("bad", p.bad())
        .put("bad_passed", p.badPassed());
  }
}

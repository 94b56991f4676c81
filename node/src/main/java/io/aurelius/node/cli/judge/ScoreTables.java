package io.aurelius.node.cli.judge;

import io.aurelius.judge.ensemble.AeneVerdict;
import io.aurelius.judge.ensemble.CanaryVerdict;
import io.aurelius.judge.ensemble.Flag;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.ranking.Ranked;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.scoring.ConfigurationScore;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.worldmodel.outcome.FramedUlfr;
import io.aurelius.worldmodel.outcome.UlfrJson;
import io.aurelius.worldmodel.transcript.Aene;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The human-readable tables of {@code aurelius judge} and {@code aurelius score}. */
final class ScoreTables {
  private ScoreTables() {}

  static void header(PrintWriter out, EpochScore epoch, List<Judge> judges, int transcripts) {
    int aenes = epoch.configurations().stream().mapToInt(ConfigurationScore::aenes).sum();
    out.println(
        "judged "
            + aenes
            + " aene"
            + (aenes == 1 ? "" : "s")
            + " of "
            + epoch.configurations().size()
            + " configuration"
            + (epoch.configurations().size() == 1 ? "" : "s")
            + " from "
            + transcripts
            + " run"
            + (transcripts == 1 ? "" : "s")
            + "; rubric "
            + rubric(epoch)
            + "; DLV threshold "
            + fmt(epoch.ranking().policy().dlvThreshold()));
    out.println(
        "judges: "
            + judges.stream().map(j -> j.descriptor().display()).collect(Collectors.joining(", ")));
    if (epoch.configurations().stream().anyMatch(ConfigurationScore::sim)) {
      out.println(
          "note: agent output from the sim model (labelled sim); scores are of simulated reasoning");
    }
    if (judges.stream().allMatch(j -> j.descriptor().kind().offlineStandIn())) {
      out.println("note: offline judges only (embedded/sim); no language model judged these aenes");
    }
    epoch.skipped().forEach(s -> out.println("skipped: " + s));
    out.println();
  }

  static void aenes(PrintWriter out, EpochScore epoch) {
    out.printf(
        "%-12s %-24s %-12s %4s %-9s %5s %5s %7s %5s %5s %5s  %-14s %s%n",
        "AENE",
        "CONFIGURATION",
        "AGENT",
        "STEP",
        "FRAMING",
        "SELF",
        "OTHER",
        "TENSION",
        "DELIB",
        "COHER",
        "DLV",
        "BASIS",
        "FLAGS");
    for (ConfigurationScore c : epoch.configurations()) {
      for (int i = 0; i < c.verdict().aenes().size(); i++) {
        AeneVerdict v = c.verdict().aenes().get(i);
        Aene a = c.aeneRecords().get(i);
        Optional<Map<Heuristic, Double>> h = v.heuristics();
        out.printf(
            "%-12s %-24s %-12s %4d %-9s %5s %5s %7s %5s %5s %5s  %-14s %s%n",
            v.aeneId().substring(0, 12),
            cut(c.id(), 24),
            cut(a.agent(), 12),
            a.step(),
            a.framing().json(),
            h.map(m -> fmt(m.get(Heuristic.SELF_AWARENESS))).orElse("-"),
            h.map(m -> fmt(m.get(Heuristic.OTHER_AWARENESS))).orElse("-"),
            h.map(m -> fmt(m.get(Heuristic.TENSION_RECOGNITION))).orElse("-"),
            h.map(m -> fmt(m.get(Heuristic.DELIBERATION))).orElse("-"),
            h.map(m -> fmt(m.get(Heuristic.COHERENCE))).orElse("-"),
            fmt(v.dlv()),
            v.basis(),
            v.flags().stream().map(Flag::label).collect(Collectors.joining(",")));
      }
    }
    out.println();
  }

  static void configurations(PrintWriter out, EpochScore epoch) {
    Map<String, Ranked> ranked = ranked(epoch);
    out.printf(
        "%-28s %4s %5s %6s %6s %5s %8s %5s  %-8s %6s  %s%n",
        "CONFIGURATION",
        "RUNS",
        "AENES",
        "DLV",
        "CTL",
        "ALPHA",
        "CANARIES",
        "GATE",
        "DROPPED",
        "FLAGS",
        "NOTES");
    for (ConfigurationScore c : epoch.configurations()) {
      Ranked r = ranked.get(c.id());
      List<CanaryVerdict> cv = c.verdict().canaries();
      long held = cv.stream().filter(CanaryVerdict::passed).count();
      long flagged = c.verdict().aenes().stream().filter(a -> !a.flags().isEmpty()).count();
      out.printf(
          "%-28s %4d %5d %6s %6s %5s %8s %5s  %-8s %6d  %s%n",
          cut(c.id(), 28),
          c.runs(),
          c.aenes(),
          fmt(c.dlv()),
          fmt(c.dlvControl()),
          c.verdict().alpha().get("dlv").map(ScoreTables::fmt).orElse("-"),
          held + "/" + cv.size(),
          r != null && r.passed() ? "pass" : "fail",
          c.verdict().dropped().size(),
          flagged,
          String.join("; ", c.notes()));
      c.verdict()
          .dropped()
          .forEach((judge, why) -> out.println("    dropped " + judge + ": " + why));
    }
    out.println();
    outcomes(out, epoch);
  }

  /** The ULFR lens per configuration and framing, from the runs' trajectories. */
  static void outcomes(PrintWriter out, EpochScore epoch) {
    out.println("outcomes (ULFR, from the world's trajectory; Score = αU + βL − γF − δRisk):");
    for (ConfigurationScore c : epoch.configurations()) {
      FramedUlfr u = c.ulfr();
      out.println(
          "  "
              + cut(c.id(), 28)
              + (u.measured() ? "" : "  (its outcome map names nothing to measure)"));
      u.immersive().ifPresent(x -> out.println("    immersive " + UlfrJson.line(x)));
      u.control().ifPresent(x -> out.println("    control   " + UlfrJson.line(x)));
      u.difference().ifPresent(d -> out.printf(Locale.ROOT, "    immersive − control: %+.3f%n", d));
    }
    out.println();
  }

  static void signals(PrintWriter out, EpochScore epoch) {
    Map<String, Ranked> ranked = ranked(epoch);
    out.printf(
        "%-28s %6s %7s %10s %9s %5s %8s %7s%n",
        "CONFIGURATION",
        "DLV",
        "NOVELTY",
        "EFFICIENCY",
        "IMMERSION",
        "FRONT",
        "CROWDING",
        "REWARD");
    for (ConfigurationScore c : epoch.configurations()) {
      Ranked r = ranked.get(c.id());
      out.printf(
          "%-28s %6s %7s %10s %9s %5s %8s %7s%n",
          cut(c.id(), 28),
          fmt(c.dlv()),
          fmt(c.novelty().novelty()),
          String.format(Locale.ROOT, "%.3f", c.efficiency()),
          fmt(c.immersion().immersion()),
          r == null || r.front() == 0 ? "-" : String.valueOf(r.front()),
          r == null ? "-" : fmt(r.crowding()),
          r == null ? "-" : fmt(r.reward()));
    }
    out.println();
  }

  static void front(PrintWriter out, EpochScore epoch) {
    List<Ranked> front = epoch.ranking().front();
    if (front.isEmpty()) {
      out.println(
          "front: empty (no configuration reached DLV "
              + fmt(epoch.ranking().policy().dlvThreshold())
              + "); nothing is rewarded this epoch");
      return;
    }
    out.println(
        "first front (every configuration past the DLV gate is paid, by front and crowding;"
            + " see the reward column):");
    for (Ranked r : front) {
      out.printf(
          "  %-28s reward %s  (novelty %s, efficiency %.3f, immersion %s)%n",
          cut(r.id(), 28),
          fmt(r.reward()),
          fmt(r.signals().novelty()),
          r.signals().efficiency(),
          fmt(r.signals().immersion()));
    }
  }

  private static Map<String, Ranked> ranked(EpochScore epoch) {
    Map<String, Ranked> out = new HashMap<>();
    epoch.ranking().ranked().forEach(r -> out.put(r.id(), r));
    return out;
  }

  private static String rubric(EpochScore epoch) {
    return epoch.configurations().isEmpty()
        ? "dlv-v1"
        : epoch.configurations().get(0).verdict().rubric();
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}

package io.aurelius.node.cli.judge;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.evidence.Degradation;
import io.aurelius.judge.evidence.DevSet;
import io.aurelius.judge.evidence.Evidence;
import io.aurelius.judge.evidence.EvidenceReport;
import io.aurelius.judge.evidence.LabelledSet;
import io.aurelius.judge.evidence.QualityEvidence;
import io.aurelius.judge.evidence.QualityReport;
import io.aurelius.judge.evidence.Runs;
import io.aurelius.judge.evidence.Scenario;
import io.aurelius.judge.evidence.Scenarios;
import io.aurelius.judge.gate.QualityGate;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.transcript.Transcript;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurelius judge report}: evidence that the judge measures something. Runs the bundled
 * catalogue (labelled GOOD) and, with {@code --sn37}, SN37's example configurations (files named
 * bad_* were labelled BAD by SN37, the rest GOOD) with sim agents in both framings, scores them,
 * and prints how GOOD compares with BAD and whether every canary stayed below the threshold.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Run the bundled catalogue (GOOD), degraded copies of it (the development set, BAD) and SN37 example "
          + "configurations (--sn37 DIR; bad_* files BAD) with sim agents in both framings, judge them, and report "
          + "the DLV of GOOD against BAD overall, within SN37 and on the development set, and the canaries."
    })
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--sn37",
      paramLabel = "DIR",
      description = "Directory of SN37 schema_v1 example configurations.")
  Path sn37;

  @Option(
      names = "--labelled",
      paramLabel = "FILE",
      description =
          "A labelled set (JSON Lines of {\"config\": SN37 schema_v1, \"label\": GOOD|BAD}): run it alone and "
              + "report the AUC of the DLV score, the gate, the final reward and each secondary signal, "
              + "the gates' pass rates and the first front.")
  Path labelled;

  @Option(
      names = "--gate",
      paramLabel = "FILE",
      description = "Quality gate model for --labelled (default: the bundled one).")
  Path gate;

  @Option(
      names = "--gate-threshold",
      paramLabel = "P",
      description =
          "Quality gate threshold for --labelled; 0 turns the gate off (default: the validator's, "
              + QualityGate.DEFAULT_THRESHOLD
              + ").")
  Double gateThreshold;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Simulations at once (default: the number of processors).")
  Integer threads;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "1",
      description = "Runs per configuration and framing (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(
      names = "--dev-set",
      paramLabel = "COVERAGE",
      defaultValue = "rotate",
      description =
          "Degraded copies of the catalogue to run as BAD (the development set): all (every "
              + "degradation of every scenario), rotate (one each, kinds in turn) or none (default: ${DEFAULT-VALUE}).")
  String devSet;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Mixin JudgeOptions options = new JudgeOptions();

  private final CliContext context;

  ReportCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    if (seeds < 1 || seeds > 100) {
      throw new UserInputException("--seeds: " + seeds + " (expected: 1..100)");
    }
    DevSet.Coverage coverage =
        switch (devSet) {
          case "all" -> DevSet.Coverage.ALL;
          case "rotate" -> DevSet.Coverage.ROTATE;
          case "none" -> DevSet.Coverage.NONE;
          default ->
              throw new UserInputException(
                  "--dev-set: '" + devSet + "' (expected: all, rotate or none)");
        };
    if (labelled != null) {
      return labelled();
    }
    List<String> rejected = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>(Scenarios.catalogue());
    scenarios.addAll(DevSet.degraded(coverage));
    if (sn37 != null) {
      Path dir = context.resolve(sn37);
      if (!Files.isDirectory(dir)) {
        throw new UserInputException(
            "--sn37: " + dir + ": not a directory (expected: SN37 example configurations)");
      }
      scenarios.addAll(Scenarios.sn37(dir, rejected));
    }
    EvidenceReport report;
    try (JudgeOptions.Panel panel = options.open(context);
        AgentModel agents =
            AgentModels.open(
                List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty())) {
      String judges =
          panel.judges().stream()
              .map(j -> j.descriptor().display())
              .collect(Collectors.joining(", "));
      report =
          Evidence.run(
              scenarios, agents, seeds, panel.scorer(), options.threshold(), judges, rejected);
    }
    if (json) {
      context.out().println(Json.prettyWriter().writeValueAsString(json(report)));
    } else {
      table(context.out(), report);
    }
    return ExitCode.OK;
  }

  private int labelled() throws Exception {
    Path file = context.resolve(labelled);
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(
          "--labelled: " + file + ": not a file (expected: JSON Lines of labelled configurations)");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > 64) {
      throw new UserInputException("--threads: " + n + " (expected: 1..64)");
    }
    List<String> rejected = new ArrayList<>();
    List<Scenario> scenarios;
    try {
      scenarios = LabelledSet.load(file, rejected);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--labelled: " + e.getMessage());
    }
    QualityReport report;
    try (JudgeOptions.Panel panel = options.open(context);
        AgentModel agents =
            AgentModels.open(
                List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty())) {
      String judges =
          panel.judges().stream()
              .map(j -> j.descriptor().display())
              .collect(Collectors.joining(", "));
      context.err().println("report: " + scenarios.size() + " configurations, " + n + " threads");
      context.err().flush();
      List<Transcript> transcripts =
          Runs.simulate(
              scenarios,
              agents,
              seeds,
              n,
              m -> {
                context.err().println("report: " + m);
                context.err().flush();
              });
      context.err().println("report: judging and ranking");
      context.err().flush();
      report =
          QualityEvidence.run(
              scenarios, transcripts, panel.scorer(), judges, rejected, gateScores(scenarios));
    }
    if (json) {
      context
          .out()
          .println(Json.prettyWriter().writeValueAsString(LabelledReportOutput.json(report)));
    } else {
      LabelledReportOutput.table(context.out(), report);
    }
    return ExitCode.OK;
  }

  /** The gate's probabilities are always computed: the report's sweep needs them. */
  private QualityEvidence.GateScores gateScores(List<Scenario> scenarios) throws IOException {
    double t = gateThreshold == null ? QualityGate.DEFAULT_THRESHOLD : gateThreshold;
    if (!(t >= 0 && t < 1)) {
      throw new UserInputException("--gate-threshold: " + t + " (expected: 0 <= P < 1)");
    }
    QualityGate g;
    if (gate == null) {
      g = QualityGate.bundled();
    } else {
      Path file = context.resolve(gate);
      try {
        g = QualityGate.parse(Files.readAllBytes(file), file.toString(), MiniLmEmbedder.shared());
      } catch (JsonInputException e) {
        throw new UserInputException("--gate: " + e.getMessage());
      }
    }
    Map<String, Double> p = new HashMap<>();
    for (Scenario s : scenarios) {
      p.put(s.source(), g.probability(s.config().document()));
    }
    return new QualityEvidence.GateScores(p, t);
  }

  private static void table(PrintWriter o, EvidenceReport r) {
    o.println(
        "evidence: sim agents (output labelled sim), both framings, "
            + r.seeds()
            + " seed"
            + (r.seeds() == 1 ? "" : "s")
            + "; judges: "
            + r.judges());
    o.printf(
        "%-50s %-5s %5s %6s %6s %8s  %s%n",
        "CONFIGURATION", "LABEL", "AENES", "DLV", "CTL", "CANARIES", "BASIS");
    for (EvidenceReport.Row row : r.rows()) {
      o.printf(
          "%-50s %-5s %5d %6s %6s %8s  %s%n",
          ScoreTables.cut(row.source(), 50),
          row.label(),
          row.aenes(),
          ScoreTables.fmt(row.dlv()),
          ScoreTables.fmt(row.dlvControl()),
          row.canariesHeld() ? "held" : "FAILED",
          row.basis());
    }
    r.rejected().forEach(x -> o.println("not run: " + x));
    o.println();
    line(o, "overall (catalogue + sn37)", r.overall());
    if (r.hasSn37()) {
      line(o, "within sn37 (out of sample)", r.sn37());
    }
    if (r.hasDev()) {
      line(o, "dev set (catalogue vs degraded)", r.dev());
      for (Degradation d : Degradation.values()) {
        EvidenceReport.Comparison c = r.dev(d);
        if (c.bad() > 0) {
          line(o, "  dev " + d.label(), c);
        }
      }
    }
    o.println(
        "by source: "
            + r.groups().stream()
                .map(
                    g ->
                        String.format(
                            Locale.ROOT,
                            "%s %s %.3f (%d)",
                            g.source(),
                            g.label(),
                            g.mean(),
                            g.configurations()))
                .collect(Collectors.joining(", ")));
    o.printf(
        Locale.ROOT,
        "canaries below the DLV threshold %.2f: %d of %d%n",
        r.threshold(),
        r.canariesHeld(),
        r.canaries());
    o.println(
        "check: "
            + (r.holds()
                ? "GOOD above BAD (overall and on the dev set) and every canary below the threshold"
                : "NOT MET ("
                    + (r.overall().bad() == 0 || r.overall().separates()
                        ? ""
                        : "GOOD not above BAD overall; ")
                    + (!r.hasDev() || r.dev().separates()
                        ? ""
                        : "catalogue not above its degraded copies; ")
                    + (r.canariesAllHeld() ? "" : "a canary reached the threshold")
                    + ")"));
  }

  private static void line(PrintWriter o, String what, EvidenceReport.Comparison c) {
    o.printf(
        Locale.ROOT,
        "%-34s GOOD %.3f (%d)  BAD %.3f (%d)  separation %+.3f  P(GOOD > BAD) = %.2f%n",
        what,
        c.goodMean(),
        c.good(),
        c.badMean(),
        c.bad(),
        c.separation(),
        c.auc());
  }

  private static ObjectNode comparison(ObjectNode o, EvidenceReport.Comparison c) {
    return o.put("good_mean", c.goodMean())
        .put("good", c.good())
        .put("bad_mean", c.badMean())
        .put("bad", c.bad())
        .put("separation", c.separation())
        .put("auc", c.auc());
  }

  private static ObjectNode json(EvidenceReport r) {
    ObjectNode o = Json.newObject();
    o.put("format", "aurelius.evidence/1")
        .put("judges", r.judges())
        .put("seeds", r.seeds())
        .put("dlv_threshold", r.threshold());
    ArrayNode rows = o.putArray("configurations");
    for (EvidenceReport.Row row : r.rows()) {
      rows.addObject()
          .put("source", row.source())
          .put("label", row.label().name())
          .put("aenes", row.aenes())
          .put("dlv", row.dlv())
          .put("dlv_control", row.dlvControl())
          .put("canaries_held", row.canariesHeld())
          .put("basis", row.basis());
    }
    EvidenceReport.Comparison overall = r.overall();
    o.put("good_mean", overall.goodMean())
        .put("bad_mean", overall.badMean())
        .put("separation", overall.separation())
        .put("auc", overall.auc())
        .put("canaries", r.canaries())
        .put("canaries_held", r.canariesHeld())
        .put("holds", r.holds());
    comparison(o.putObject("sn37"), r.sn37());
    ObjectNode dev = comparison(o.putObject("dev"), r.dev());
    ObjectNode kinds = dev.putObject("kinds");
    for (Degradation d : Degradation.values()) {
      comparison(kinds.putObject(d.label()), r.dev(d));
    }
    ArrayNode groups = o.putArray("groups");
    for (EvidenceReport.GroupMean g : r.groups()) {
      groups
          .addObject()
          .put("source", g.source())
          .put("label", g.label().name())
          .put("configurations", g.configurations())
          .put("mean", g.mean());
    }
    ArrayNode rejected = o.putArray("not_run");
    r.rejected().forEach(rejected::add);
    return o;
  }
}

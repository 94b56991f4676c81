package io.aurelius.node.cli.judge;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.evidence.DevSet;
import io.aurelius.judge.evidence.Label;
import io.aurelius.judge.evidence.LabelledSet;
import io.aurelius.judge.evidence.Scenario;
import io.aurelius.judge.evidence.Scenarios;
import io.aurelius.judge.gate.GateFeatures;
import io.aurelius.judge.gate.GateTraining;
import io.aurelius.judge.gate.Logistic;
import io.aurelius.judge.gate.QualityGate;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aurelius judge train-gate}: fit the admission quality gate on labelled configurations,
 * report its cross-validated (and, with {@code --evaluate}, held-out) precision and recall, and
 * write the model file.
 */
@Command(
    name = "train-gate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Train the admission quality gate (logistic model on MiniLM embeddings of the configuration text) on "
          + "labelled configurations, print its k-fold cross-validated precision and recall of refusing BAD "
          + "configurations, and write the model file. Deterministic: the same inputs give the same bytes."
    })
final class TrainGateCommand implements Callable<Integer> {
  @Option(
      names = "--labelled",
      paramLabel = "FILE",
      description = "Labelled SN37 configurations (JSON Lines, as for judge report); repeatable.")
  List<Path> labelled = new ArrayList<>();

  @Option(
      names = "--sn37",
      paramLabel = "DIR",
      description = "SN37 example configurations (bad_* files BAD, the others GOOD).")
  Path sn37;

  @Option(
      names = "--catalogue",
      description = "Add the bundled catalogue (GOOD) and its degraded copies (BAD).")
  boolean catalogue;

  @Option(
      names = "--evaluate",
      paramLabel = "FILE",
      description = "A held-out labelled set to measure the trained gate on.")
  Path evaluate;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Model file.")
  Path out;

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "5",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      defaultValue = "0.2",
      description = "Threshold the figures are reported at (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--version-tag",
      paramLabel = "TAG",
      defaultValue = "v1",
      description = "Version written into the model file (default: ${DEFAULT-VALUE}).")
  String version;

  private final CliContext context;

  TrainGateCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws IOException {
    if (!(threshold > 0 && threshold < 1)) {
      throw new UserInputException("--threshold: " + threshold + " (expected: 0 < P < 1)");
    }
    List<String> rejected = new ArrayList<>();
    List<Scenario> train = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Path p : labelled) {
      train.addAll(load(p, "--labelled", rejected));
      sources.add(p.getFileName().toString());
    }
    if (sn37 != null) {
      Path dir = context.resolve(sn37);
      if (!Files.isDirectory(dir)) {
        throw new UserInputException("--sn37: " + dir + ": not a directory");
      }
      train.addAll(Scenarios.sn37(dir, rejected));
      sources.add("sn37 examples");
    }
    if (catalogue) {
      train.addAll(Scenarios.catalogue());
      train.addAll(DevSet.degraded(DevSet.Coverage.ALL));
      sources.add("catalogue and its degraded copies");
    }
    if (train.isEmpty()) {
      throw new UserInputException(
          "no training data (expected: --labelled FILE, --sn37 DIR or --catalogue)");
    }
    GateTraining.Examples examples = examples(train);
    long goods = examples.goods();
    if (goods == 0 || goods == examples.size()) {
      throw new UserInputException(
          "training data: " + goods + " GOOD of " + examples.size() + " (expected: both labels)");
    }
    if (folds < 2 || folds > Math.min(goods, examples.size() - goods)) {
      throw new UserInputException(
          "--folds: "
              + folds
              + " (expected: 2.."
              + Math.min(goods, examples.size() - goods)
              + ", the smaller class)");
    }
    PrintWriter o = context.out();
    rejected.forEach(x -> o.println("not used: " + x));
    o.printf(
        Locale.ROOT,
        "training on %d configurations (%d GOOD, %d BAD) from %s%n",
        examples.size(),
        goods,
        examples.size() - goods,
        String.join(", ", sources));
    GateTraining.Measured cv = GateTraining.crossValidate(examples, folds, threshold);
    line(o, folds + "-fold cross-validation", cv);
    ObjectNode figures = Json.newObject();
    figures.put("folds", folds).put("threshold", threshold);
    put(figures.putObject("cross_validated"), cv);
    Logistic model = GateTraining.fit(examples);
    QualityGate gate =
        new QualityGate(
            version,
            String.join(", ", sources) + " (" + examples.size() + " configurations)",
            model,
            MiniLmEmbedder.shared());
    if (evaluate != null) {
      List<Scenario> held = load(evaluate, "--evaluate", new ArrayList<>());
      GateTraining.Measured m = GateTraining.evaluate(model, examples(held), threshold);
      line(o, "held out (" + evaluate.getFileName() + ")", m);
      put(figures.putObject("held_out").put("file", evaluate.getFileName().toString()), m);
    }
    Path file = context.resolve(out);
    Files.write(file, gate.toBytes(figures));
    o.println("wrote " + file);
    return ExitCode.OK;
  }

  private List<Scenario> load(Path p, String flag, List<String> rejected) {
    Path file = context.resolve(p);
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(flag + ": " + file + ": not a file");
    }
    try {
      return LabelledSet.load(file, rejected);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(flag + ": " + e.getMessage());
    }
  }

  private static GateTraining.Examples examples(List<Scenario> scenarios) {
    MiniLmEmbedder embedder = MiniLmEmbedder.shared();
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (Scenario s : scenarios) {
      x.add(GateFeatures.of(s.config().document(), embedder));
      y.add(s.label() == Label.GOOD);
    }
    return new GateTraining.Examples(x, y);
  }

  private static void line(PrintWriter o, String what, GateTraining.Measured m) {
    o.printf(
        Locale.ROOT,
        "%s: refuses BAD %d of %d (recall %.2f), precision %.2f, GOOD admitted %d of %d; "
            + "AUC %.3f [%.3f, %.3f]%n",
        what,
        m.badRefused(),
        m.bad(),
        m.recall(),
        m.precision(),
        m.goodPassed(),
        m.good(),
        m.auc().value(),
        m.auc().low(),
        m.auc().high());
  }

  private static void put(ObjectNode o, GateTraining.Measured m) {
    o.put("good", m.good())
        .put("good_admitted", m.goodPassed())
        .put("bad", m.bad())
        .put("bad_refused", m.badRefused())
        .put("precision", m.precision())
        .put("recall", m.recall())
        .put("auc", m.auc().value());
  }
}

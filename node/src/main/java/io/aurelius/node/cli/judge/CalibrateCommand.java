package io.aurelius.node.cli.judge;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.json.JsonInputException;
import io.aurelius.judge.calibration.Agreement;
import io.aurelius.judge.calibration.Calibration;
import io.aurelius.judge.calibration.LabelledAene;
import io.aurelius.judge.calibration.Labels;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurelius judge calibrate LABELS.jsonl}: fit monotone calibration per judge and heuristic.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Fit an isotonic (monotone) calibration per judge and heuristic from a person's labels, and report "
          + "agreement with the person before and after: mean absolute error and Krippendorff's alpha, "
          + "in-sample and leave-one-out.",
      "LABELS is JSON Lines written by 'aurelius judge label'. A judge needs "
          + Calibration.MIN_LABELS
          + " labels per heuristic to be fitted."
    })
final class CalibrateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "LABELS", description = "Labels file (JSON Lines).")
  Path labels;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the calibration here (JSON), for --calibration.")
  Path out;

  private final CliContext context;

  CalibrateCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Path file = context.resolve(labels);
    List<LabelledAene> all;
    try {
      all = Labels.parseJsonLines(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")");
    } catch (JsonInputException e) {
      throw new UserInputException(e.getMessage());
    }
    if (all.isEmpty()) {
      throw new UserInputException(
          file + ": no labels (expected: lines written by 'aurelius judge label')");
    }
    List<Agreement> agreements = Agreement.of(all);
    if (agreements.isEmpty()) {
      throw new UserInputException(
          file
              + ": "
              + all.size()
              + " labels, but no judge has "
              + Calibration.MIN_LABELS
              + " scored labels for any heuristic (expected: labels carrying judge scores)");
    }
    PrintWriter o = context.out();
    o.println(
        all.size()
            + " labelled aenes; agreement of each judge with the labeller (MAE: lower is better; "
            + "alpha: 1 is perfect, 0 is chance)");
    o.printf(
        "%-32s %-20s %4s  %-20s  %-20s%n",
        "JUDGE", "HEURISTIC", "N", "MAE before/after/loo", "ALPHA before/after/loo");
    for (Agreement a : agreements) {
      o.printf(
          "%-32s %-20s %4d  %-20s  %-20s%n",
          ScoreTables.cut(a.judge(), 32),
          a.heuristic().key(),
          a.labels(),
          ScoreTables.fmt(a.maeBefore())
              + " / "
              + ScoreTables.fmt(a.maeAfter())
              + " / "
              + ScoreTables.fmt(a.maeLeaveOneOut()),
          alpha(a.alphaBefore())
              + " / "
              + alpha(a.alphaAfter())
              + " / "
              + alpha(a.alphaLeaveOneOut()));
    }
    Calibration calibration = Calibration.fit(all);
    if (out != null) {
      Path target = context.resolve(out);
      try {
        Path tmp =
            Files.createTempFile(target.toAbsolutePath().getParent(), ".calibration", ".tmp");
        Files.writeString(tmp, calibration.toJson(), StandardCharsets.UTF_8);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new CommandFailedException(target + ": cannot write (" + e.getMessage() + ")");
      }
      o.println(
          "calibration for "
              + calibration.fits().size()
              + " judge"
              + (calibration.fits().size() == 1 ? "" : "s")
              + " written to "
              + target
              + " (use it with --calibration)");
    }
    return ExitCode.OK;
  }

  private static String alpha(Optional<Double> a) {
    return a.map(ScoreTables::fmt).orElse("-");
  }
}

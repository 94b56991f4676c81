package io.aurelius.node.cli.judge;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.calibration.LabelledAene;
import io.aurelius.judge.calibration.Labels;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.rubric.HeuristicSpec;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.scoring.AeneInputs;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.Transcript;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurelius judge label TRANSCRIPT...}: a person scores sampled aenes at the terminal.
 * Answers are read line by line from standard input, so it can also be fed from a file.
 */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Sample aenes from transcripts and ask a person for a level 0-5 on each heuristic (answers on standard "
          + "input, one per line; 's' skips an aene, 'q' stops). Each labelled aene is appended to --out as one "
          + "JSON line with the judges' raw scores, for 'aurelius judge calibrate'."
    })
final class LabelCommand implements Callable<Integer> {
  private static final int MAX_COUNT = 10_000;
  private static final int SHOWN_CHARS = 4_000;

  @Parameters(
      paramLabel = "TRANSCRIPT",
      arity = "1..*",
      description = "Transcript files (JSON Lines).")
  List<Path> transcripts = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "Labels file to append to.")
  Path out;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "10",
      description = "Aenes to sample (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--sample-seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--labeller",
      paramLabel = "NAME",
      defaultValue = "anonymous",
      description = "Who is labelling, recorded with each label (default: ${DEFAULT-VALUE}).")
  String labeller;

  @Mixin JudgeOptions options = new JudgeOptions();

  private final CliContext context;

  LabelCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  /** Raised when the person quits or input ends. */
  private static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;
  }

  @Override
  public Integer call() {
    if (count < 1 || count > MAX_COUNT) {
      throw new UserInputException("--count: " + count + " (expected: 1.." + MAX_COUNT + ")");
    }
    if (labeller.isBlank() || labeller.length() > 100) {
      throw new UserInputException(
          "--labeller: " + labeller.length() + " chars (expected: 1..100)");
    }
    List<Transcript> runs = TranscriptFiles.read(transcripts, context);
    Map<String, Aene> unique = new LinkedHashMap<>();
    runs.forEach(t -> t.aenes().forEach(a -> unique.putIfAbsent(a.id().hex(), a)));
    if (unique.isEmpty()) {
      throw new UserInputException("TRANSCRIPT: no aenes (expected: runs in which agents acted)");
    }
    List<Aene> pool = new ArrayList<>(unique.values());
    Collections.shuffle(pool, new Random(seed));
    List<Aene> sample = pool.subList(0, Math.min(count, pool.size()));
    Rubric rubric = options.rubric();
    List<Judge> judges = options.judges(rubric);
    Path target = context.resolve(out);
    PrintWriter o = context.out();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int done = 0;
    try (BufferedWriter w =
        Files.newBufferedWriter(
            target, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      for (int i = 0; i < sample.size(); i++) {
        JudgeInput input = AeneInputs.of(sample.get(i));
        show(o, i + 1, sample.size(), input);
        Map<Heuristic, Integer> levels;
        try {
          levels = ask(o, in, rubric);
        } catch (Stop stop) {
          break;
        }
        if (levels == null) {
          o.println("skipped");
          continue;
        }
        Map<String, Map<Heuristic, Double>> scores = new TreeMap<>();
        for (Judge j : judges) {
          JudgeOutcome outcome = j.judge(input);
          if (outcome instanceof JudgeOutcome.Scored s) {
            scores.put(j.descriptor().id(), s.scores());
          } else {
            o.println(
                "  judge "
                    + j.descriptor().display()
                    + ": "
                    + outcome.status()
                    + " ("
                    + outcome.detail().orElse("")
                    + ")");
          }
        }
        w.write(Labels.toJsonLine(new LabelledAene(input, levels, scores), labeller));
        w.newLine();
        w.flush();
        done++;
      }
    } catch (IOException e) {
      throw new CommandFailedException(target + ": cannot write (" + e.getMessage() + ")");
    }
    o.println("labelled " + done + " aene" + (done == 1 ? "" : "s") + " into " + target);
    return ExitCode.OK;
  }

  private static void show(PrintWriter o, int n, int of, JudgeInput in) {
    o.println();
    o.println("=== aene " + n + " of " + of + " (" + in.aeneId().substring(0, 12) + ")");
    o.println("--- observation");
    o.println(cut(in.observation()));
    o.println("--- reasoning");
    o.println(in.reasoning().isBlank() ? "(none)" : cut(in.reasoning()));
    o.println("--- action");
    o.println(cut(in.action()));
    o.flush();
  }

  /** Levels for every heuristic, null if the person skipped this aene. */
  private static Map<Heuristic, Integer> ask(PrintWriter o, BufferedReader in, Rubric rubric)
      throws Stop {
    Map<Heuristic, Integer> levels = new EnumMap<>(Heuristic.class);
    for (HeuristicSpec spec : rubric.heuristics().values()) {
      int tries = 0;
      while (true) {
        o.println(spec.title() + ": " + spec.question());
        o.println("  0 = " + spec.low());
        o.println("  5 = " + spec.high());
        o.print("  level 0-5 (s skip, q quit): ");
        o.flush();
        String line;
        try {
          line = in.readLine();
        } catch (IOException e) {
          throw new Stop();
        }
        if (line == null) {
          throw new Stop();
        }
        String t = line.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("q")) {
          throw new Stop();
        }
        if (t.equals("s")) {
          return null;
        }
        if (t.matches("[0-5]")) {
          levels.put(spec.heuristic(), Integer.parseInt(t));
          break;
        }
        o.println("  '" + cut(line) + "' is not a level (expected: 0-5, s or q)");
        if (++tries >= 3) {
          return null;
        }
      }
    }
    return levels;
  }

  private static String cut(String s) {
    return s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) + "…" : s;
  }
}

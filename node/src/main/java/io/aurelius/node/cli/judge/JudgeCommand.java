package io.aurelius.node.cli.judge;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.VersionProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurelius judge TRANSCRIPT...}: score every aene with the judge ensemble; and the
 * human-in-the-loop and evidence subcommands.
 */
@Command(
    name = "judge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Score the aenes of transcripts on the DLV rubric with the judge ensemble (self-awareness, "
          + "other-awareness, tension recognition, deliberation, coherence), with canaries in every batch.",
      "Offline judges: embedded (in-process MiniLM) and sim; LLM judges: openai:URL#MODEL, ollama:URL#MODEL."
    },
    subcommands = {
      LabelCommand.class,
      CalibrateCommand.class,
      ReportCommand.class,
      TrainGateCommand.class
    })
public final class JudgeCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "TRANSCRIPT",
      arity = "0..*",
      description = "Transcript files (JSON Lines).")
  List<Path> transcripts = new ArrayList<>();

  @Mixin JudgeOptions options = new JudgeOptions();

  @Option(names = "--json", description = "Print JSON (aurelius.scores/1) instead of tables.")
  boolean json;

  private final CliContext context;

  public JudgeCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    return ScoreRun.run(
        transcripts,
        options,
        json,
        context,
        (out, epoch) -> {
          ScoreTables.aenes(out, epoch);
          ScoreTables.configurations(out, epoch);
          ScoreTables.front(out, epoch);
        });
  }
}

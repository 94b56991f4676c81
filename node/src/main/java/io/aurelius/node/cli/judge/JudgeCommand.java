package io.aurelius.node.cli.judge;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.json.Json;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.judge.scoring.ScoreJson;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.VersionProvider;
import io.aurelius.worldmodel.transcript.Transcript;
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
    subcommands = {LabelCommand.class, CalibrateCommand.class, ReportCommand.class})
public final class JudgeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TRANSCRIPT", arity = "0..*", description = "Transcript files (JSON Lines).")
  List<Path> transcripts = new ArrayList<>();

  @Mixin
  JudgeOptions options = new JudgeOptions();

  @Option(names = "--json", description = "Print JSON (aurelius.scores/1) instead of tables.")
  boolean json;

  private final CliContext context;

  public JudgeCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    List<Transcript> runs = TranscriptFiles.read(transcripts, context);
    try (JudgeOptions.Panel panel = options.open(context)) {
      EpochScore epoch = panel.scorer().score(runs, List.of(), ReputationBook.empty());
      if (json) {
        context.out().println(Json.prettyWriter().writeValueAsString(
            ScoreJson.of(epoch, panel.judges().stream().map(j -> j.descriptor()).toList())));
        return ExitCode.OK;
      }
      ScoreTables.header(context.out(), epoch, panel.judges(), runs.size());
      ScoreTables.aenes(context.out(), epoch);
      ScoreTables.configurations(context.out(), epoch);
      ScoreTables.front(context.out(), epoch);
    }
    return ExitCode.OK;
  }
}

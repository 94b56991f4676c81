package io.aurelius.node.cli.judge;

import io.aurelius.core.json.Json;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.judge.scoring.ScoreJson;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.worldmodel.transcript.Transcript;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code judge} and {@code score} share: read the transcripts, score them as one epoch with
 * the configured panel, and print JSON or the header and the command's own tables.
 */
final class ScoreRun {
  /** The tables a command prints after the common header. */
  @FunctionalInterface
  interface Tables {
    void print(PrintWriter out, EpochScore epoch);
  }

  private ScoreRun() {}

  static int run(
      List<Path> transcripts, JudgeOptions options, boolean json, CliContext context, Tables tables)
      throws Exception {
    List<Transcript> runs = TranscriptFiles.read(transcripts, context);
    try (JudgeOptions.Panel panel = options.open(context)) {
      EpochScore epoch = panel.scorer().score(runs, List.of(), ReputationBook.empty());
      if (json) {
        context
            .out()
            .println(
                Json.prettyWriter()
                    .writeValueAsString(
                        ScoreJson.of(
                            epoch, panel.judges().stream().map(j -> j.descriptor()).toList())));
        return ExitCode.OK;
      }
      ScoreTables.header(context.out(), epoch, panel.judges(), runs.size());
      tables.print(context.out(), epoch);
    }
    return ExitCode.OK;
  }
}

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

/** {@code aurelius score TRANSCRIPT...}: judge, measure the secondary signals, rank. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Judge the aenes of transcripts, measure novelty, token efficiency and immersion per configuration, "
          + "and rank the configurations: the DLV gate, then the Pareto front on the three signals.",
      "Transcripts are taken in admission order: a configuration's novelty is measured against those listed "
          + "before it."
    })
public final class ScoreCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "TRANSCRIPT",
      arity = "1..*",
      description = "Transcript files (JSON Lines).")
  List<Path> transcripts = new ArrayList<>();

  @Mixin JudgeOptions options = new JudgeOptions();

  @Option(names = "--json", description = "Print JSON (aurelius.scores/1) instead of tables.")
  boolean json;

  private final CliContext context;

  public ScoreCommand(CliContext context) {
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
          ScoreTables.configurations(out, epoch);
          ScoreTables.signals(out, epoch);
          ScoreTables.front(out, epoch);
        });
  }
}

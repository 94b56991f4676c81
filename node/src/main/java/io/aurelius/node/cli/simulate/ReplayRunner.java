package io.aurelius.node.cli.simulate;

import io.aurelius.config.validation.ConfigInvalidException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.replay.Replay;
import io.aurelius.worldmodel.replay.ReplayReport;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptException;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code simulate --replay}: every run of a transcript file, replayed and compared. */
final class ReplayRunner {
  private ReplayRunner() {}

  static int replay(Path path, CliContext context) {
    List<Transcript> runs;
    try {
      runs = TranscriptReader.read(path);
    } catch (NoSuchFileException e) {
      throw new UserInputException(
          path + ": no such file (expected: a transcript written by simulate --out)");
    } catch (IOException e) {
      throw new UserInputException(path + ": cannot read: " + e.getMessage());
    } catch (TranscriptException e) {
      throw new UserInputException(e.getMessage());
    }
    if (runs.isEmpty()) {
      throw new UserInputException(
          path + ": no runs (expected: a transcript written by simulate --out)");
    }
    int differing = 0;
    for (Transcript t : runs) {
      ReplayReport report;
      try {
        report = Replay.verify(t);
      } catch (ConfigInvalidException e) {
        throw new UserInputException(e.getMessage());
      }
      if (report.reproduced()) {
        context
            .out()
            .println(
                "reproduced "
                    + report.runId()
                    + ": "
                    + report.steps()
                    + " state hashes"
                    + (t.end().isEmpty() ? " (transcript cut short)" : ""));
      } else {
        differing++;
        context
            .out()
            .println(
                "DIFFERS "
                    + report.runId()
                    + ": "
                    + report.differences().size()
                    + " differences; first: "
                    + report.differences().get(0));
      }
    }
    context.out().println(runs.size() - differing + " of " + runs.size() + " runs reproduced");
    context.out().flush();
    return differing == 0 ? ExitCode.OK : ExitCode.FAILURE;
  }
}

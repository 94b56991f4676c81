package io.aurelius.node.cli.judge;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptException;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the transcripts named on the command line, with one-line errors. */
final class TranscriptFiles {
  private TranscriptFiles() {}

  static List<Transcript> read(List<Path> files, CliContext context) {
    if (files.isEmpty()) {
      throw new UserInputException(
          "TRANSCRIPT: none given (expected: transcript files written by aurelius simulate)");
    }
    List<Transcript> out = new ArrayList<>();
    for (Path f : files) {
      Path p = context.resolve(f);
      if (!Files.isRegularFile(p)) {
        throw new UserInputException(p + ": not a file (expected: a transcript, JSON Lines)");
      }
      List<Transcript> runs;
      try {
        runs = TranscriptReader.read(p);
      } catch (CharacterCodingException e) {
        throw new UserInputException(
            p + ": not valid UTF-8 (expected: a UTF-8 JSON Lines transcript)");
      } catch (NoSuchFileException e) {
        throw new UserInputException(p + ": no such file");
      } catch (IOException e) {
        throw new UserInputException(p + ": cannot read (" + e.getMessage() + ")");
      } catch (TranscriptException e) {
        throw new UserInputException(firstLine(e.getMessage()));
      }
      if (runs.isEmpty()) {
        throw new UserInputException(p + ": no runs (expected: a transcript with a header line)");
      }
      out.addAll(runs);
    }
    return out;
  }

  private static String firstLine(String m) {
    return m == null ? "malformed transcript" : m.lines().findFirst().orElse(m);
  }
}

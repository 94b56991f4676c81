package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.corpus.MalformedRecordException;
import io.aurelius.anchoring.corpus.RecordVerificationException;
import io.aurelius.anchoring.corpus.RecordVerifier;
import io.aurelius.anchoring.note.KeyType;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "verify-record",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Verify one exported record alone, offline: its entry hashes to the leaf its inclusion proof "
          + "leads from, the proof reaches the checkpoint's root, and the checkpoint is signed by a "
          + "trusted log key (or, without --trusted-key, by the key the record carries).",
      "Exit 0: verified; 1: a check failed; 2: not a record."
    })
final class VerifyRecordCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE|-",
      description = "An export file (corpus export --out) or - for standard input.")
  String file;

  @Option(
      names = "--line",
      paramLabel = "N",
      description = "Which record (1 = the first line); needed when the file holds more than one.")
  Integer line;

  @Option(
      names = "--trusted-key",
      paramLabel = "VKEY",
      description =
          "A verifier key to trust (name+hex(keyID)+base64(type‖pk)); repeatable. Type-01 keys "
              + "are log keys, one of which must sign the checkpoint; type-04 keys are witnesses "
              + "whose cosignatures are checked and reported.")
  List<String> trustedKeys = new ArrayList<>();

  private final CliContext context;

  VerifyRecordCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    List<VerifierKey> trusted = trusted();
    String record = record();
    try {
      context.out().println(RecordVerifier.verify(record, trusted).line());
      return ExitCode.OK;
    } catch (MalformedRecordException e) {
      throw new UserInputException(where() + ": " + e.getMessage());
    } catch (RecordVerificationException e) {
      throw new CommandFailedException(where() + ": " + e.getMessage());
    }
  }

  private List<VerifierKey> trusted() {
    List<VerifierKey> keys = new ArrayList<>();
    for (String k : trustedKeys) {
      try {
        keys.add(VerifierKey.parse(k.strip()));
      } catch (MalformedNoteException e) {
        throw new UserInputException("--trusted-key: " + e.getMessage());
      }
    }
    if (!keys.isEmpty() && keys.stream().noneMatch(k -> k.type() == KeyType.ED25519)) {
      throw new UserInputException(
          "--trusted-key: only witness keys given (expected: at least one log key, type 01)");
    }
    return keys;
  }

  /** The chosen line of the file; a file of several records needs --line. */
  private String record() {
    if (line != null && line < 1) {
      throw new UserInputException("--line: " + line + " (expected: >= 1)");
    }
    // Reads only as far as needed: up to line N, or two lines to refuse a file of many records.
    long wanted = line == null ? 2 : line;
    long count = 0;
    String chosen = null;
    try (BufferedReader r = new BufferedReader(open())) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        count++;
        if (count == (line == null ? 1 : line)) {
          chosen = l;
        }
        if (count == wanted) {
          break;
        }
      }
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": no such file");
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read: " + e.getMessage());
    }
    if (line != null && count < line) {
      throw new UserInputException(
          file + ": " + count + " lines (expected: at least " + line + " for --line)");
    }
    if (line == null && count != 1) {
      throw new UserInputException(
          file
              + ": "
              + (count == 0 ? "empty" : "more than one record")
              + " (expected: one record; choose one with --line N)");
    }
    return chosen;
  }

  private Reader open() throws IOException {
    if (file.equals("-")) {
      // Standard input is not closed by the reader's close: wrap it without taking ownership.
      return new InputStreamReader(
          new java.io.FilterInputStream(System.in) {
            @Override
            public void close() {}
          },
          StandardCharsets.UTF_8);
    }
    return Files.newBufferedReader(context.resolve(Path.of(file)), StandardCharsets.UTF_8);
  }

  private String where() {
    return (file.equals("-") ? "stdin" : file) + (line == null ? "" : " line " + line);
  }
}

package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.corpus.InvalidEntryException;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.AppendResult;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogKind;
import io.aurelius.anchoring.log.LogWriter;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "append",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Append every line of a JSONL file as one batch (one signed commit and checkpoint).",
      "Corpus: each line is a corpus entry (docs/corpus-format.md). Covenant: each line an amendment",
      "(one commit each, as each names the entry it amends).",
      "Every line is checked first; one bad line and nothing is written."
    })
final class AppendCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "The log's bare repository.")
  String target;

  @Parameters(
      index = "1",
      paramLabel = "FILE.jsonl",
      description = "Entries, one JSON object per line.")
  String file;

  @Mixin WriterOptions writer;

  private final CliContext context;

  AppendCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    if (LocalLog.isUrl(target)) {
      throw new UserInputException(
          target + ": a URL (expected: the local path of the log's repository)");
    }
    Ed25519KeyPair key = writer.key(context);
    List<JsonNode> documents = read(context.resolve(Path.of(file)));
    Path dir = context.resolve(Path.of(target));
    LogKind kind;
    try (LocalLog local = LocalLog.open(target, context)) {
      kind = local.log().head().manifest().kind();
    } catch (LogException e) {
      throw Failures.of(e);
    }
    try {
      AppendResult result =
          kind == LogKind.CORPUS
              ? appendCorpus(dir, key, documents)
              : amendCovenant(dir, key, documents);
      context
          .out()
          .println(
              "appended entries "
                  + result.firstIndex()
                  + ".."
                  + (result.firstIndex() + result.count() - 1)
                  + "; checkpoint "
                  + (result.firstIndex() + result.count())
                  + " signed (commit "
                  + result.abbreviatedCommit(10)
                  + ")");
      return ExitCode.OK;
    } catch (LogException e) {
      throw Failures.of(e);
    } catch (InvalidEntryException | InvalidCovenantException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private AppendResult appendCorpus(Path dir, Ed25519KeyPair key, List<JsonNode> documents)
      throws LogException, InvalidEntryException {
    List<CorpusEntry> entries = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      entries.add(CorpusEntry.of(documents.get(i), file + " line " + (i + 1)));
    }
    try (CorpusLog corpus = CorpusLog.open(dir, key, Clock.systemUTC())) {
      return corpus.append(corpus.head().size(), entries);
    }
  }

  /** Amendments are checked as a chain first, then appended one commit each. */
  private AppendResult amendCovenant(Path dir, Ed25519KeyPair key, List<JsonNode> documents)
      throws LogException, InvalidCovenantException {
    try (CovenantLog covenant = CovenantLog.open(dir, key, Clock.systemUTC())) {
      Covenant check = covenant.current();
      for (JsonNode d : documents) {
        check = check.amend(Covenant.canonical(d));
      }
      AppendResult first = null;
      AppendResult last = null;
      for (JsonNode d : documents) {
        last = covenant.amend(d);
        first = first == null ? last : first;
      }
      return last.since(first, documents.size());
    }
  }

  private static List<JsonNode> read(Path path) {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        if (out.size() == LogWriter.MAX_BATCH) {
          throw new UserInputException(
              path + ": more than " + LogWriter.MAX_BATCH + " entries (expected: one batch)");
        }
        out.add(
            Json.parse(
                line.getBytes(StandardCharsets.UTF_8), path + " line " + n, CorpusEntry.LIMITS));
      }
    } catch (NoSuchFileException e) {
      throw new UserInputException(path + ": not found");
    } catch (IOException e) {
      throw new UserInputException(path + ": cannot read: " + e.getMessage());
    } catch (JsonInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new UserInputException(path + ": no entries (expected: one JSON object per line)");
    }
    return out;
  }
}

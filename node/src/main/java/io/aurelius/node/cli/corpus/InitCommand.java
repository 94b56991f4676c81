package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogKind;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Create a new corpus or covenant log (a bare git repository) signed by the given hotkey.")
final class InitCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description = "Directory for the new bare repository (must not exist or be empty).")
  String target;

  @Option(
      names = "--origin",
      paramLabel = "NAME",
      required = true,
      description = "Checkpoint origin and log key name, e.g. aurelius.sn37/corpus.")
  String origin;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      defaultValue = "corpus",
      description = "corpus or covenant (default: ${DEFAULT-VALUE}).")
  String kind;

  @Option(
      names = "--genesis",
      paramLabel = "FILE",
      description = "For a covenant: the genesis covenant (JSON), entry 0.")
  String genesis;

  @Mixin WriterOptions writer;

  private final CliContext context;

  InitCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    LogKind logKind =
        LogKind.of(kind.toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new UserInputException(
                        "--kind: '" + kind + "' (expected: corpus or covenant)"));
    Path dir = context.resolve(Path.of(target));
    Ed25519KeyPair key = writer.key(context);
    if (logKind == LogKind.CORPUS && genesis != null) {
      throw new UserInputException("--genesis: only for --kind covenant");
    }
    if (logKind == LogKind.COVENANT && genesis == null) {
      throw new UserInputException(
          "--genesis: missing (expected: the genesis covenant JSON for a covenant log)");
    }
    try {
      GitLog created;
      if (logKind == LogKind.CORPUS) {
        created = CorpusLog.create(dir, origin, key, Clock.systemUTC()).log();
      } else {
        JsonNode document = readJson(context.resolve(Path.of(genesis)));
        created = CovenantLog.create(dir, origin, key, Clock.systemUTC(), document).log();
      }
      try (created) {
        context.out().println("created " + logKind.id() + " log " + origin + " at " + dir);
        context.out().println("log key: " + created.head().manifest().logKey().format());
      }
      return ExitCode.OK;
    } catch (LogException e) {
      throw Failures.of(e);
    } catch (InvalidCovenantException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      if (Files.size(file) > 1 << 20) {
        throw new UserInputException(file + ": larger than 1 MiB");
      }
      return Json.parse(
          Files.readAllBytes(file),
          file.toString(),
          io.aurelius.anchoring.covenant.Covenant.LIMITS);
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read: " + e.getMessage());
    } catch (JsonInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}

package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.corpus.CorpusExport;
import io.aurelius.anchoring.corpus.DatasetCard;
import io.aurelius.anchoring.corpus.ExportCounts;
import io.aurelius.anchoring.corpus.ExportFormat;
import io.aurelius.anchoring.corpus.InvalidEntryException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogKind;
import io.aurelius.anchoring.verify.VerificationReport;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Verify a corpus with the trust of corpus verify (the checkpoint remembered for its origin, "
          + "no key declared only by the repository unless asked), then write its clean view "
          + "(burned entries left out) for fine-tuning.",
      "jsonl: {index, id, entry} per line; chat: the observation as the user turn, reasoning and action as the "
          + "assistant turn, provenance and verdict alongside (docs/corpus-format.md).",
      "Every record carries its entry, inclusion proof, signed checkpoint and the log key, so it verifies alone "
          + "(corpus verify-record); with --out a dataset card (README.md) is written beside the file."
    })
final class ExportCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PATH|URL",
      description = "The corpus repository or its git URL.")
  String target;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = "jsonl or chat (default: ${DEFAULT-VALUE}).")
  ExportFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write here (atomically) instead of standard output.")
  String out;

  @Mixin TrustOptions trust;

  @Mixin SeenOptions seen;

  private final CliContext context;

  ExportCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    try (LocalLog local = LocalLog.open(target, context)) {
      if (local.log().head().manifest().kind() != LogKind.CORPUS) {
        throw new UserInputException(
            target
                + ": a "
                + local.log().head().manifest().kind().id()
                + " log (expected: a corpus)");
      }
      VerificationReport report =
          TrustedVerification.run(local.log(), trust, seen, context, context.err()).report();
      if (out == null) {
        long n =
            CorpusExport.write(local.log().head(), report.burned(), format, context.out())
                .records();
        context
            .err()
            .println("exported " + n + " entries (" + report.burned().size() + " burned left out)");
        return ExitCode.OK;
      }
      Path file = context.resolve(Path.of(out));
      if (!Files.isDirectory(file.toAbsolutePath().getParent())) {
        throw new UserInputException(
            "--out " + out + ": no such directory " + file.toAbsolutePath().getParent());
      }
      Path card = file.toAbsolutePath().getParent().resolve("README.md");
      if (file.toAbsolutePath().equals(card)) {
        throw new UserInputException(
            "--out " + out + ": the dataset card's name (expected: another file name)");
      }
      if (Files.exists(card)
          && !Files.readString(card, StandardCharsets.UTF_8).startsWith(DatasetCard.MARKER)) {
        throw new UserInputException(
            "--out "
                + out
                + ": "
                + card
                + " exists and is not an export's dataset card (expected: a directory without"
                + " a README.md of its own)");
      }
      ExportCounts counts =
          writeAtomically(
              file, w -> CorpusExport.write(local.log().head(), report.burned(), format, w));
      long n = counts.records();
      String text =
          DatasetCard.text(
              local.log().head(),
              format,
              file.getFileName().toString(),
              counts,
              report.burned().size(),
              report.lines());
      writeAtomically(
          card,
          w -> {
            w.write(text);
            return null;
          });
      context
          .out()
          .println(
              "exported "
                  + n
                  + " entries to "
                  + file
                  + " ("
                  + report.burned().size()
                  + " burned left out; verified against checkpoint "
                  + report.latest().size()
                  + "; dataset card "
                  + card
                  + ")");
      return ExitCode.OK;
    } catch (LogException | InvalidEntryException e) {
      throw new CommandFailedException(e.getMessage(), e);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private interface Body<T> {
    T write(Writer w) throws LogException, IOException, InvalidEntryException;
  }

  /**
   * Writes through a temporary file renamed into place, then gives the file the ordinary mode of a
   * published data file (0644): a temporary file is created 0600, and an export is meant to be
   * read.
   */
  private static <T> T writeAtomically(Path file, Body<T> body)
      throws LogException, IOException, InvalidEntryException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".export-", ".tmp");
    try {
      T n;
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
        n = body.write(w);
      }
      if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return n;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

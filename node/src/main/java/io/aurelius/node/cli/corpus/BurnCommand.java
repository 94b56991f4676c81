package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.burn.BurnRecord;
import io.aurelius.anchoring.burn.Burns;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "burn",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Quarantine a corpus entry with a signed burn record (reason and evidence hash).",
      "Nothing is deleted: the entry stays in the log and its proofs, and leaves the clean view."
    })
final class BurnCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "The corpus's bare repository.")
  String target;

  @Option(
      names = "--entry",
      paramLabel = "INDEX",
      required = true,
      description = "Index of the entry to burn.")
  long entry;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      required = true,
      description = "Why, in one line.")
  String reason;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Evidence evidence;

  static final class Evidence {
    @Option(
        names = "--evidence-file",
        paramLabel = "FILE",
        description = "File whose SHA-256 is recorded as evidence.")
    String file;

    @Option(
        names = "--evidence-sha256",
        paramLabel = "HEX",
        description = "SHA-256 of the evidence, 64 hex digits.")
    String sha256;
  }

  @Mixin WriterOptions writer;

  private final CliContext context;

  BurnCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    ContentId evidenceHash = evidenceHash();
    Ed25519KeyPair key = writer.key(context);
    if (reason.isBlank()
        || reason.length() > BurnRecord.MAX_REASON
        || reason.chars().anyMatch(c -> c < 0x20)) {
      throw new UserInputException(
          "--reason: "
              + reason.length()
              + " chars (expected: one line of 1.."
              + BurnRecord.MAX_REASON
              + ")");
    }
    try (LocalWriter local = LocalWriter.open(target, key, context)) {
      BurnRecord r =
          Burns.burn(
              local.writer(),
              local.log().head(),
              entry,
              reason,
              evidenceHash,
              java.time.Instant.now().getEpochSecond(),
              key);
      context
          .out()
          .println(
              "burned entry " + r.entry() + " (" + r.entryId().shortHex() + "): " + r.reason());
      return ExitCode.OK;
    } catch (LogException e) {
      throw Failures.of(e);
    }
  }

  private ContentId evidenceHash() {
    if (evidence.sha256 != null) {
      try {
        return ContentId.parse(evidence.sha256);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--evidence-sha256: " + e.getMessage());
      }
    }
    Path file = context.resolve(Path.of(evidence.file));
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return ContentId.fromDigest(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UserInputException("--evidence-file " + file + ": cannot read: " + e.getMessage());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

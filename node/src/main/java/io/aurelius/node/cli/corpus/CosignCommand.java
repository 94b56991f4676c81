package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.Cosignature;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.keys.SigningKeys;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "cosign",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Add a witness's cosignature to a checkpoint (development tool).",
      "In a network, peers cosign what they have checked and send the line to the log's operator, who adds it."
    })
final class CosignCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "The log's bare repository.")
  String target;

  @Option(
      names = "--witness-name",
      paramLabel = "NAME",
      required = true,
      description = "The witness's key name.")
  String witnessName;

  @Option(
      names = "--witness-hotkey",
      paramLabel = "KEY",
      description = "The witness's hotkey in <home>/keys: its name or key id.")
  String witnessHotkey;

  @Option(
      names = "--size",
      paramLabel = "N",
      description = "Checkpoint to cosign (default: the latest).")
  Long size;

  @Mixin WriterOptions writer;

  private final CliContext context;

  CosignCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Ed25519KeyPair witnessKey =
        SigningKeys.hotkey(writer.home, context, "--witness-hotkey", witnessHotkey);
    NoteSigner witness;
    try {
      witness = new NoteSigner(witnessName, witnessKey);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--witness-name: " + e.getMessage());
    }
    try (LocalWriter local = LocalWriter.open(target, writer.key(context), context)) {
      LogSnapshot head = local.log().head();
      long s = size == null ? head.size() : size;
      if (!head.checkpointSizes().contains(s)) {
        throw new UserInputException(
            "--size "
                + s
                + ": no such checkpoint (expected one of "
                + head.checkpointSizes()
                + ")");
      }
      String text = SignedNote.parse(head.checkpointBytes(s)).text();
      local
          .writer()
          .addCosignatures(
              s,
              List.of(
                  new Cosignature(
                      witness.cosignerKey(),
                      witness.cosign(text, java.time.Instant.now().getEpochSecond()))));
      context.out().println("cosigned checkpoint " + s + " as " + witness.cosignerKey().format());
      return ExitCode.OK;
    } catch (LogException e) {
      throw Failures.of(e);
    } catch (MalformedNoteException e) {
      throw new CommandFailedException("checkpoint: " + e.getMessage(), e);
    }
  }
}

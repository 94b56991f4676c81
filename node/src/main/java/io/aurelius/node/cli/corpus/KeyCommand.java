package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.gitsign.SshEd25519Key;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print a hotkey's verifier keys and git allowed-signers line.",
      "Its verifier key as a log (type 01) and as a witness (type 04) under NAME, for trusted-keys files."
    })
final class KeyCommand implements Callable<Integer> {
  @Option(
      names = "--name",
      paramLabel = "NAME",
      required = true,
      description = "The key name: the log's origin, or the witness's name.")
  String name;

  @Mixin WriterOptions writer;

  private final CliContext context;

  KeyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Ed25519KeyPair key = writer.key(context);
    NoteSigner signer;
    try {
      signer = new NoteSigner(name, key);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--name: " + e.getMessage());
    }
    String address = KeyId.of(key.publicKey()).address();
    context.out().println("hotkey:          " + address);
    context.out().println("log key:         " + signer.verifierKey().format());
    context.out().println("witness key:     " + signer.cosignerKey().format());
    context
        .out()
        .println("allowed signers: " + SshEd25519Key.allowedSignersLine(address, key.publicKey()));
    return ExitCode.OK;
  }
}

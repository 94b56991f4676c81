package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.gitsign.SshEd25519Key;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.note.KeyType;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "allowed-signers",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the allowed-signers line stock git needs to check a log's signed commits, from public "
          + "data only: a log key, or the key a log declares in log.json.",
      "git -c gpg.ssh.allowedSignersFile=FILE verify-commit main (or log --show-signature) then "
          + "checks every commit. A key read from the log itself proves only that the commits are "
          + "signed by the key the log names; compare it with a key you trust."
    })
final class AllowedSignersCommand implements Callable<Integer> {
  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Parameters(
        index = "0",
        paramLabel = "PATH|URL",
        description = "A log's bare repository, a clone's working directory, or a git URL.")
    String target;

    @Option(
        names = "--log-key",
        paramLabel = "KEY",
        description =
            "A log's verifier key (name+hex(keyID)+base64(01‖pk)), e.g. from a trusted-keys file.")
    String logKey;
  }

  private final CliContext context;

  AllowedSignersCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Ed25519PublicKey key = source.logKey != null ? parse(source.logKey) : declared(source.target);
    context.out().println(SshEd25519Key.allowedSignersLine(KeyId.of(key).address(), key));
    return ExitCode.OK;
  }

  private Ed25519PublicKey declared(String target) {
    try (LocalLog local = LocalLog.open(target, context)) {
      return local.log().head().manifest().logKey().publicKey();
    } catch (LogException e) {
      throw Failures.of(e);
    }
  }

  private static Ed25519PublicKey parse(String text) {
    try {
      VerifierKey key = VerifierKey.parse(text.strip());
      if (key.type() != KeyType.ED25519) {
        throw new UserInputException(
            "--log-key: " + key.format() + " is a witness key (expected: a log key, type 01)");
      }
      return key.publicKey();
    } catch (MalformedNoteException e) {
      throw new UserInputException("--log-key: " + e.getMessage());
    }
  }
}

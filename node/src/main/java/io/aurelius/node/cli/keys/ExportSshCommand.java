package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.OpenSshPublicKey;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius keys export-ssh}: the public key as an OpenSSH line. */
@Command(
    name = "export-ssh",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print a key's public key in OpenSSH form.",
      "Without --principal: 'ssh-ed25519 AAAA... KEY_ID', as in a .pub file. With --principal: "
          + "an allowed-signers line 'PRINCIPAL ssh-ed25519 AAAA...' for git's "
          + "gpg.ssh.allowedSignersFile, so git can verify commits this key signs."
    })
final class ExportSshCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;

  @Parameters(paramLabel = "KEY", description = "The key's name or its key id.")
  private String key;

  @Option(
      names = "--principal",
      paramLabel = "P",
      description = "Principal for an allowed-signers line, e.g. an e-mail address or the key id.")
  private String principal;

  private final CliContext context;

  ExportSshCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    StoredKey stored = CliKeys.open(home, context).resolve(key);
    OpenSshPublicKey ssh = stored.openSsh();
    String line;
    if (principal == null) {
      line = ssh.line(stored.keyId().address());
    } else {
      try {
        line = ssh.allowedSignersLine(principal);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--principal: " + e.getMessage(), e);
      }
    }
    context.out().println(line);
    return ExitCode.OK;
  }
}

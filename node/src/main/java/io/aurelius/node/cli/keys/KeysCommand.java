package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aurelius keys}: the group of key commands; alone it prints its usage. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Create and inspect the node's keys in <home>/keys.",
      "A hotkey is the node's operating key, stored with mode 0600. A coldkey is the owner "
          + "key, stored encrypted under a passphrase (scrypt and ChaCha20-Poly1305). A key is "
          + "named by its key id, an SS58 address with a checksum."
    },
    subcommands = {
      NewKeyCommand.class,
      ListKeysCommand.class,
      ShowKeyCommand.class,
      CheckKeyCommand.class,
      ExportSshCommand.class
    })
public final class KeysCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  public KeysCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    return ExitCode.OK;
  }
}

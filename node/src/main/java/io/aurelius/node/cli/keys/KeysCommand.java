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
      "Create, import and inspect the node's keys: Bittensor wallets in <home>/wallets, and "
          + "legacy Ed25519 keys in <home>/keys.",
      "A hotkey is the node's operating key; a coldkey is the owner key, encrypted under a "
          + "passphrase. A wallet key is named WALLET/HOTKEY (a hotkey) or WALLET (its coldkey, or "
          + "where a hotkey is wanted WALLET/default); a legacy key by its NAME; any key by its "
          + "SS58 address."
    },
    subcommands = {
      NewKeyCommand.class,
      ImportKeyCommand.class,
      RegenKeyCommand.class,
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

package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.VersionProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aurelius keys show}: the public facts of one key. Needs no passphrase. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Show a key's kind, scheme, SS58 address, public key (hex) and file (and a legacy "
            + "key's OpenSSH form).")
final class ShowKeyCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;

  @Parameters(
      paramLabel = "KEY",
      description = "WALLET/HOTKEY, WALLET (its coldkey), a legacy key's name, or an SS58 address.")
  private String key;

  private final CliContext context;

  ShowKeyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    HomeKeys keys = HomeKeys.open(home, context);
    HomeKeys.Found found = keys.resolve("KEY", key);
    PrintWriter out = context.out();
    if (found instanceof HomeKeys.InWallet wallet) {
      WalletEntry entry = keys.wallets().entry(wallet.ref());
      out.println("name:        " + entry.ref());
      out.println("kind:        " + entry.kind().wireName());
      out.println("scheme:      " + entry.scheme().wireName());
      out.println("ss58:        " + entry.account().ss58Address());
      out.println("public key:  " + entry.account().hex());
      out.println("file:        " + entry.file());
      return ExitCode.OK;
    }
    StoredKey stored = ((HomeKeys.Legacy) found).key();
    out.println("name:        " + stored.name());
    out.println("kind:        " + stored.kind().wireName());
    out.println("scheme:      " + KeyScheme.ED25519.wireName());
    out.println("key id:      " + stored.keyId());
    out.println("public key:  " + stored.publicKey().hex());
    out.println("ssh:         " + stored.openSsh().line(stored.keyId().address()));
    out.println("fingerprint: " + stored.openSsh().fingerprint());
    out.println("file:        " + stored.file());
    return ExitCode.OK;
  }
}

package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.VersionProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aurelius keys list}: a table of the stored keys. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "List the keys in <home>/keys and <home>/wallets: name, kind, scheme and SS58 address.")
final class ListKeysCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;

  private final CliContext context;

  ListKeysCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    HomeKeys keys = HomeKeys.open(home, context);
    List<String[]> rows = new ArrayList<>();
    for (StoredKey key : CliKeys.call(() -> keys.legacy().store().list())) {
      rows.add(
          new String[] {
            key.name().value(),
            key.kind().wireName(),
            KeyScheme.ED25519.wireName(),
            key.keyId().address()
          });
    }
    for (WalletEntry entry : keys.wallets().list()) {
      rows.add(
          new String[] {
            entry.ref().toString(),
            entry.kind().wireName(),
            entry.scheme().wireName(),
            entry.account().ss58Address()
          });
    }
    if (rows.isEmpty()) {
      context
          .out()
          .println(
              "no keys in "
                  + keys.wallets().directory()
                  + " or "
                  + keys.legacy().store().directory()
                  + " (create one with: aurelius keys new --name WALLET/HOTKEY)");
      return ExitCode.OK;
    }
    int width =
        Math.max("NAME".length(), rows.stream().mapToInt(r -> r[0].length()).max().orElse(0));
    String format = "%-" + width + "s  %-7s  %-7s  %s%n";
    context.out().printf(format, "NAME", "KIND", "SCHEME", "SS58");
    for (String[] row : rows) {
      context.out().printf(format, (Object[]) row);
    }
    return ExitCode.OK;
  }
}

package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aurelius keys list}: a table of the stored keys. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List the keys in <home>/keys: name, kind and key id.")
final class ListKeysCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;

  private final CliContext context;

  ListKeysCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    CliKeys keys = CliKeys.open(home, context);
    List<StoredKey> stored = CliKeys.call(() -> keys.store().list());
    if (stored.isEmpty()) {
      context
          .out()
          .println(
              "no keys in "
                  + keys.store().directory()
                  + " (create one with: aurelius keys new --name NAME)");
      return ExitCode.OK;
    }
    int width =
        Math.max(
            "NAME".length(),
            stored.stream().mapToInt(k -> k.name().value().length()).max().orElse(0));
    String format = "%-" + width + "s  %-7s  %s%n";
    context.out().printf(format, "NAME", "KIND", "KEY ID");
    for (StoredKey key : stored) {
      context.out().printf(format, key.name(), key.kind().wireName(), key.keyId());
    }
    return ExitCode.OK;
  }
}

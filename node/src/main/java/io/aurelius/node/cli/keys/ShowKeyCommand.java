package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

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
    description = "Show a key's kind, key id, public key (hex), OpenSSH form and file.")
final class ShowKeyCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;

  @Parameters(paramLabel = "KEY", description = "The key's name or its key id.")
  private String key;

  private final CliContext context;

  ShowKeyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    StoredKey stored = CliKeys.open(home, context).resolve(key);
    PrintWriter out = context.out();
    out.println("name:        " + stored.name());
    out.println("kind:        " + stored.kind().wireName());
    out.println("key id:      " + stored.keyId());
    out.println("public key:  " + stored.publicKey().hex());
    out.println("ssh:         " + stored.openSsh().line(stored.keyId().address()));
    out.println("fingerprint: " + stored.openSsh().fingerprint());
    out.println("file:        " + stored.file());
    return ExitCode.OK;
  }
}

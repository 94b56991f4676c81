package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.VersionProvider;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code aurelius keys check}: loads the private key, decrypting a coldkey, to prove the file is
 * intact, readable only by its owner and (for a coldkey) that the passphrase is right.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prove a key loads: file intact, owner-only, passphrase right.",
      "Loads the private key (decrypting a coldkey) and checks it against the public key. "
          + "Prints nothing secret."
    })
final class CheckKeyCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private PassphraseOptions passphraseOptions;

  @Parameters(paramLabel = "KEY", description = "The key's name or its key id.")
  private String key;

  private final CliContext context;

  CheckKeyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    CliKeys keys = CliKeys.open(home, context);
    StoredKey stored = keys.resolve(key);
    Ed25519KeyPair pair =
        switch (stored.kind()) {
          case HOTKEY -> CliKeys.call(() -> keys.store().loadHotkey(stored.name()));
          case COLDKEY -> {
            char[] passphrase = passphraseOptions.passphrase(context, stored.name().value());
            try {
              yield CliKeys.call(() -> keys.store().loadColdkey(stored.name(), passphrase));
            } finally {
              Arrays.fill(passphrase, '\0');
            }
          }
        };
    pair.privateKey().destroy();
    context
        .out()
        .println(
            "ok: "
                + stored.kind().wireName()
                + " '"
                + stored.name()
                + "' "
                + stored.keyId()
                + " loads and matches its public key");
    return ExitCode.OK;
  }
}

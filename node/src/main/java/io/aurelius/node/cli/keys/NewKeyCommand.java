package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius keys new}: generates a key and stores it; never overwrites one. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Generate a new key and store it in <home>/keys/NAME.json.",
      "An existing key is never overwritten. A coldkey is encrypted under a passphrase: keep "
          + "the file and the passphrase safe, the key cannot be recovered without both."
    })
final class NewKeyCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private PassphraseOptions passphraseOptions;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      defaultValue = "hotkey",
      description = "hotkey or coldkey (default: ${DEFAULT-VALUE}).")
  private String kind;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Name of the key and its file: 1..32 characters of a-z, 0-9, '-', '_'.")
  private String name;

  @Option(
      names = "--Xscrypt-log-n",
      hidden = true,
      defaultValue = "15",
      paramLabel = "N",
      description =
          "log2 of the scrypt cost n for a new coldkey (10..20, default: ${DEFAULT-VALUE}).")
  private int scryptLogN;

  private final CliContext context;

  NewKeyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    if (name == null || name.isEmpty()) {
      throw new UserInputException("--name: missing (expected: a key name, e.g. --name validator)");
    }
    KeyName keyName = CliKeys.name(name);
    KeyKind keyKind;
    try {
      keyKind = KeyKind.fromWireName(kind);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--kind: " + e.getMessage(), e);
    }
    ScryptParams cost;
    try {
      cost = ScryptParams.withLogN(scryptLogN);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--Xscrypt-log-n: " + e.getMessage(), e);
    }
    CliKeys keys = CliKeys.open(home, context);
    if (keys.store().contains(keyName)) {
      throw new UserInputException(
          "key '"
              + keyName
              + "' already exists at "
              + keys.store().fileOf(keyName)
              + " (expected: a new name; keys are never overwritten)");
    }
    StoredKey created =
        switch (keyKind) {
          case HOTKEY -> CliKeys.call(() -> keys.store().createHotkey(keyName));
          case COLDKEY -> createColdkey(keys, keyName, cost);
        };
    print(created);
    return ExitCode.OK;
  }

  private StoredKey createColdkey(CliKeys keys, KeyName keyName, ScryptParams cost) {
    char[] passphrase = passphraseOptions.newPassphrase(context, keyName.value());
    try {
      return CliKeys.call(() -> keys.store().createColdkey(keyName, passphrase, cost));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }

  private void print(StoredKey key) {
    PrintWriter out = context.out();
    out.println("created " + key.kind().wireName() + " '" + key.name() + "'");
    out.println("key id:      " + key.keyId());
    out.println("public key:  " + key.publicKey().hex());
    out.println("file:        " + key.file());
    if (key.kind() == KeyKind.COLDKEY) {
      out.println(
          "Back up the file and remember the passphrase: the key cannot be recovered without both.");
    }
  }
}

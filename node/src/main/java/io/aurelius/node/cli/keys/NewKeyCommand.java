package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.core.identity.wallet.KeyfileData;
import io.aurelius.core.identity.wallet.WalletKeys;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurelius keys new}: generates a key and stores it as a wallet key (or, with {@code
 * --legacy}, in the legacy store); never overwrites one.
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Generate a new key as a Bittensor wallet key in <home>/wallets, sr25519 by default.",
      "--name WALLET/HOTKEY writes the hotkey <home>/wallets/WALLET/hotkeys/HOTKEY (plain JSON, "
          + "as btcli writes hotkeys; --name WALLET means WALLET/default); a coldkey (--kind "
          + "coldkey --name WALLET) is WALLET/coldkey, encrypted ($NACL) under a passphrase, with "
          + "coldkeypub.txt. Prints the SS58 address and, once, the mnemonic. An existing key is "
          + "never overwritten. --legacy writes an Ed25519 key in the node's own format to "
          + "<home>/keys/NAME.json instead."
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
      description =
          "WALLET/HOTKEY or WALLET (with --legacy: NAME); each name 1..32 characters of a-z, "
              + "0-9, '-', '_'.")
  private String name;

  @Option(
      names = "--scheme",
      paramLabel = "SCHEME",
      description = "sr25519 or ed25519 (default: sr25519; with --legacy: ed25519).")
  private String scheme;

  @Option(
      names = "--legacy",
      description =
          "Write an Ed25519 key in the node's own format to <home>/keys, for commands that do "
              + "not read wallets yet.")
  private boolean legacy;

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
    KeyKind keyKind = kind(kind);
    if (!legacy) {
      return newWalletKey(keyKind);
    }
    if (scheme != null && !scheme.equals(KeyScheme.ED25519.wireName())) {
      throw new UserInputException(
          "--scheme: " + scheme + " with --legacy (expected: ed25519, the legacy store's only)");
    }
    if (name == null || name.isEmpty()) {
      throw new UserInputException("--name: missing (expected: a key name, e.g. --name validator)");
    }
    KeyName keyName = CliKeys.name(name);
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

  private int newWalletKey(KeyKind keyKind) {
    KeyScheme keyScheme = scheme(scheme);
    HomeKeys keys = HomeKeys.open(home, context);
    WalletKeyRef ref = WalletKeyWriter.target(keys, keyKind, name);
    KeyfileData data = WalletKeys.generate(WalletEntry.cryptoType(keyScheme));
    try {
      Path file = WalletKeyWriter.write(keys, ref, data, passphraseOptions, context);
      char[] phrase = data.secretPhrase().orElseThrow().chars();
      try {
        WalletKeyWriter.print(context, "created", ref, data, file, Optional.of(phrase));
      } finally {
        Arrays.fill(phrase, '\0');
      }
    } finally {
      data.destroy();
    }
    return ExitCode.OK;
  }

  static KeyKind kind(String kind) {
    try {
      return KeyKind.fromWireName(kind);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--kind: " + e.getMessage(), e);
    }
  }

  /** The scheme named by {@code --scheme}; sr25519 when not given. */
  static KeyScheme scheme(String scheme) {
    if (scheme == null) {
      return KeyScheme.SR25519;
    }
    try {
      return KeyScheme.fromWireName(scheme);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--scheme: " + e.getMessage(), e);
    }
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

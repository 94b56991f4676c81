package io.aurelius.node.cli.keys;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.wallet.BittensorWallet;
import io.aurelius.core.identity.wallet.KeyfileData;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Writes a new wallet key into the node's home for {@code keys new} and {@code keys regen}: a
 * hotkey as plain JSON in {@code <home>/wallets/WALLET/hotkeys/HOTKEY} (the SDK's default), a
 * coldkey {@code $NACL}-encrypted under a passphrase in {@code WALLET/coldkey} with {@code
 * coldkeypub.txt}. Nothing is overwritten, and a name a legacy key already has is refused, so a
 * name always means one key.
 */
final class WalletKeyWriter {
  private WalletKeyWriter() {}

  /** The wallet key {@code --name} names for a new key of {@code kind}, checked to be free. */
  static WalletKeyRef target(HomeKeys keys, KeyKind kind, String name) {
    if (name == null || name.isEmpty()) {
      throw new UserInputException(
          "--name: missing (expected: WALLET/HOTKEY or WALLET, e.g. --name miner/default)");
    }
    WalletKeyRef ref = WalletKeyRef.parse("--name", name);
    CliKeys.name(ref.wallet());
    ref.hotkey().ifPresent(CliKeys::name);
    if (kind == KeyKind.COLDKEY && ref.hotkey().isPresent()) {
      throw new UserInputException(
          "--name: '" + name + "' names a hotkey (expected: WALLET for a coldkey)");
    }
    if (kind == KeyKind.HOTKEY) {
      ref = ref.asHotkey();
    }
    if (name.indexOf('/') < 0) {
      if (keys.isLegacyName(ref.wallet())) {
        throw new UserInputException(
            "--name: '"
                + ref.wallet()
                + "' is a key in "
                + keys.legacy().store().directory()
                + " (expected: a new name; keys are never overwritten)");
      }
    }
    if (keys.wallets().contains(ref)) {
      throw new UserInputException(
          "key '"
              + ref
              + "' already exists in "
              + keys.wallets().wallet(ref.wallet()).directory()
              + " (expected: a new name; keys are never overwritten)");
    }
    return ref;
  }

  /** Writes {@code data} as {@code ref}; a coldkey asks {@code passphrase} for a new one. */
  static Path write(
      HomeKeys keys,
      WalletKeyRef ref,
      KeyfileData data,
      PassphraseOptions passphrase,
      CliContext context) {
    BittensorWallet wallet = keys.wallets().wallet(ref.wallet());
    if (ref.hotkey().isPresent()) {
      String hotkey = ref.hotkey().get();
      CliKeys.call(
          () -> {
            wallet.writeHotkey(hotkey, data, false);
            return null;
          });
      return wallet.hotkeyPath(hotkey);
    }
    char[] secret = passphrase.newPassphrase(context, ref.wallet());
    try {
      CliKeys.call(
          () -> {
            wallet.writeColdkey(data, secret, false);
            return null;
          });
    } finally {
      Arrays.fill(secret, '\0');
    }
    return wallet.coldkeyPath();
  }

  /** What {@code keys new} and {@code keys regen} print; the phrase only when given. */
  static void print(
      CliContext context,
      String verb,
      WalletKeyRef ref,
      KeyfileData data,
      Path file,
      Optional<char[]> phrase) {
    PrintWriter out = context.out();
    KeyKind kind = ref.hotkey().isPresent() ? KeyKind.HOTKEY : KeyKind.COLDKEY;
    KeyScheme scheme = WalletEntry.scheme(data.scheme());
    out.println(verb + " " + kind.wireName() + " '" + ref + "' (" + scheme.wireName() + ")");
    out.println("ss58:        " + data.account().ss58Address());
    out.println("public key:  " + data.account().hex());
    out.println("file:        " + file);
    if (phrase.isPresent()) {
      out.print("mnemonic:    ");
      out.println(phrase.get());
      out.println(
          "Write the mnemonic down and keep it secret: it restores the key (aurelius keys regen)"
              + " and is not shown again.");
    }
    if (kind == KeyKind.COLDKEY) {
      out.println(
          "Back up the wallet and remember the passphrase: the key file cannot be opened without"
              + " it.");
    }
    out.flush();
  }
}

package io.aurelius.node.cli.keys;

import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import java.util.Optional;

/**
 * Every key of the node's home, wherever it is kept: the legacy key store ({@code <home>/keys},
 * Ed25519, named {@code NAME}) and the wallets ({@code <home>/wallets}, named {@code WALLET/HOTKEY}
 * and {@code WALLET}). A reference is resolved in this order: one with a {@code /} is a wallet
 * hotkey; a name is a legacy key if the store has it, else a wallet (its coldkey, or its {@code
 * default} hotkey when it has no coldkey or a hotkey is wanted); anything else is an SS58 address,
 * looked up in the store, then in the wallets.
 */
final class HomeKeys {
  /** A resolved key: a legacy one, or one in a wallet. */
  sealed interface Found permits Legacy, InWallet {}

  record Legacy(StoredKey key) implements Found {}

  record InWallet(WalletKeyRef ref) implements Found {}

  private final CliKeys legacy;
  private final CliWallets wallets;

  private HomeKeys(CliKeys legacy, CliWallets wallets) {
    this.legacy = legacy;
    this.wallets = wallets;
  }

  static HomeKeys open(HomeOptions home, CliContext context) {
    return new HomeKeys(CliKeys.open(home, context), CliWallets.open(home, context));
  }

  CliKeys legacy() {
    return legacy;
  }

  CliWallets wallets() {
    return wallets;
  }

  /** True if {@code name} is a legacy key's name (a name the store could hold and holds). */
  boolean isLegacyName(String name) {
    if (!KeyName.looksLikeName(name)) {
      return false;
    }
    try {
      return legacy.store().contains(KeyName.of(name));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Resolves {@code ref}; a key found nowhere is bad input naming {@code option}. */
  Found resolve(String option, String ref) {
    if (ref.indexOf('/') >= 0) {
      return new InWallet(WalletKeyRef.parse(option, ref));
    }
    if (isLegacyName(ref)) {
      return new Legacy(legacy.resolve(ref));
    }
    if (KeyName.looksLikeName(ref)) {
      WalletKeyRef wallet = WalletKeyRef.parse(option, ref);
      if (java.nio.file.Files.isDirectory(wallets.wallet(ref).directory())) {
        return new InWallet(wallets.contains(wallet) ? wallet : wallet.asHotkey());
      }
      CliKeys.name(ref);
      throw new UserInputException(
          option
              + ": key '"
              + ref
              + "': no such key in "
              + legacy.store().directory()
              + " or "
              + wallets.directory()
              + " (expected: a key name, WALLET/HOTKEY, or a key id; see aurelius keys list)");
    }
    KeyId id;
    try {
      id = KeyId.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(option + ": " + e.getMessage(), e);
    }
    try {
      return new Legacy(legacy.store().find(id));
    } catch (KeyStoreException e) {
      if (e.reason() != KeyStoreException.Reason.NOT_FOUND) {
        throw e;
      }
    }
    Optional<WalletEntry> inWallet = wallets.find(AccountId.fromSs58(ref));
    return inWallet
        .<Found>map(entry -> new InWallet(entry.ref()))
        .orElseThrow(
            () ->
                new UserInputException(
                    option
                        + ": key id "
                        + ref
                        + ": no such key in "
                        + legacy.store().directory()
                        + " or "
                        + wallets.directory()
                        + " (expected: a key of this node)"));
  }

  /** The key {@code ref} names where a key of {@code kind} is wanted, checked for its kind. */
  Found resolve(String option, String ref, KeyKind kind) {
    Found found = resolve(option, ref);
    if (found instanceof Legacy l && l.key().kind() != kind) {
      throw new UserInputException(
          option
              + ": key '"
              + l.key().name()
              + "' is a "
              + l.key().kind().wireName()
              + " (expected: a "
              + kind.wireName()
              + ")");
    }
    if (found instanceof InWallet w) {
      if (kind == KeyKind.HOTKEY) {
        return new InWallet(w.ref().asHotkey());
      }
      if (w.ref().hotkey().isPresent()) {
        throw new UserInputException(
            option + ": '" + w.ref() + "' is a hotkey (expected: a coldkey, named WALLET)");
      }
    }
    return found;
  }
}

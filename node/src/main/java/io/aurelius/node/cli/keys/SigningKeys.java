package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Loads the keys a command signs with, so every command group names keys the same way, checked for
 * their kind. {@code option} is the command's option name, used in error messages.
 *
 * <p>{@link #hotkeySigner} and {@link #coldkeySigner} return a {@link Signer} of either scheme from
 * the node's wallets ({@code <home>/wallets}, named {@code WALLET/HOTKEY} or {@code WALLET}), the
 * legacy key store ({@code <home>/keys}, by name or key id), or a wallet named with {@link
 * WalletOptions} ({@code --wallet.name}, ...), which wins when given; see {@link HomeKeys} for the
 * order. {@link #hotkey} and {@link #coldkey} read the legacy store only and return Ed25519 pairs.
 */
public final class SigningKeys {
  private SigningKeys() {}

  public static Ed25519KeyPair coldkey(
      HomeOptions home,
      CliContext context,
      String option,
      String ref,
      PassphraseOptions passphrase) {
    requireNonNull(passphrase, "passphrase");
    StoredKey stored = stored(home, context, option, ref, KeyKind.COLDKEY);
    char[] secret = passphrase.passphrase(context, stored.name().value());
    try {
      return CliKeys.call(
          () -> CliKeys.open(home, context).store().loadColdkey(stored.name(), secret));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  public static Ed25519KeyPair hotkey(
      HomeOptions home, CliContext context, String option, String ref) {
    StoredKey stored = stored(home, context, option, ref, KeyKind.HOTKEY);
    return CliKeys.call(() -> CliKeys.open(home, context).store().loadHotkey(stored.name()));
  }

  /** The hotkey {@code ref} names, from the node's wallets or its legacy key store. */
  public static Signer hotkeySigner(
      HomeOptions home, CliContext context, String option, String ref) {
    return hotkeySigner(home, context, option, ref, Optional.empty());
  }

  /**
   * The hotkey {@code ref} names; an encrypted wallet hotkey is decrypted with {@code passphrase}.
   */
  public static Signer hotkeySigner(
      HomeOptions home,
      CliContext context,
      String option,
      String ref,
      Optional<PassphraseOptions> passphrase) {
    requireNonNull(passphrase, "passphrase");
    required(home, context, option, ref);
    HomeKeys keys = HomeKeys.open(home, context);
    HomeKeys.Found found = keys.resolve(option, ref, KeyKind.HOTKEY);
    if (found instanceof HomeKeys.Legacy legacy) {
      return CliKeys.call(() -> keys.legacy().store().loadHotkey(legacy.key().name()));
    }
    WalletKeyRef wallet = ((HomeKeys.InWallet) found).ref();
    return CliWallets.hotkeySigner(
        keys.wallets().wallet(wallet.wallet()), wallet.hotkeyOrDefault(), passphrase, context);
  }

  /**
   * The wallet's hotkey when {@code wallet} names one (or {@code ref} is missing: then Bittensor's
   * {@code default/default} in {@code --wallet.path}), else the hotkey {@code ref} names.
   */
  public static Signer hotkeySigner(
      HomeOptions home, CliContext context, WalletOptions wallet, String option, String ref) {
    requireNonNull(wallet, "wallet");
    if (wallet.isSet() || ref == null || ref.isBlank()) {
      return wallet.hotkeySigner(context);
    }
    return hotkeySigner(home, context, option, ref);
  }

  /** The coldkey {@code ref} names, from the node's wallets or its legacy key store. */
  public static Signer coldkeySigner(
      HomeOptions home,
      CliContext context,
      String option,
      String ref,
      PassphraseOptions passphrase) {
    requireNonNull(passphrase, "passphrase");
    required(home, context, option, ref);
    HomeKeys keys = HomeKeys.open(home, context);
    HomeKeys.Found found = keys.resolve(option, ref, KeyKind.COLDKEY);
    if (found instanceof HomeKeys.Legacy legacy) {
      return coldkey(home, context, option, legacy.key().name().value(), passphrase);
    }
    WalletKeyRef wallet = ((HomeKeys.InWallet) found).ref();
    return CliWallets.coldkeySigner(keys.wallets().wallet(wallet.wallet()), passphrase, context);
  }

  /**
   * The wallet's coldkey when {@code wallet} names one (or {@code ref} is missing: then wallet
   * {@code default} in {@code --wallet.path}), else the coldkey {@code ref} names.
   */
  public static Signer coldkeySigner(
      HomeOptions home,
      CliContext context,
      WalletOptions wallet,
      String option,
      String ref,
      PassphraseOptions passphrase) {
    requireNonNull(wallet, "wallet");
    if (wallet.isSet() || ref == null || ref.isBlank()) {
      return wallet.coldkeySigner(context, passphrase);
    }
    return coldkeySigner(home, context, option, ref, passphrase);
  }

  /**
   * A key of this node (a legacy key's name, or a wallet key {@code WALLET/HOTKEY} or {@code
   * WALLET}), or any key id (which need not be stored here).
   */
  public static KeyId keyId(HomeOptions home, CliContext context, String option, String ref) {
    required(home, context, option, ref);
    if (!KeyName.looksLikeName(ref) && ref.indexOf('/') < 0) {
      try {
        return KeyId.parse(ref);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(option + ": " + e.getMessage(), e);
      }
    }
    HomeKeys keys = HomeKeys.open(home, context);
    HomeKeys.Found found = keys.resolve(option, ref);
    if (found instanceof HomeKeys.Legacy legacy) {
      return legacy.key().keyId();
    }
    return KeyId.ofAccount(
        keys.wallets().entry(((HomeKeys.InWallet) found).ref()).account().bytes());
  }

  private static StoredKey stored(
      HomeOptions home, CliContext context, String option, String ref, KeyKind kind) {
    required(home, context, option, ref);
    StoredKey stored = CliKeys.open(home, context).resolve(ref);
    if (stored.kind() != kind) {
      throw new UserInputException(
          option
              + ": key '"
              + stored.name()
              + "' is a "
              + stored.kind().wireName()
              + " (expected: a "
              + kind.wireName()
              + ")");
    }
    return stored;
  }

  private static void required(HomeOptions home, CliContext context, String option, String ref) {
    requireNonNull(home, "home");
    requireNonNull(context, "context");
    requireNonNull(option, "option");
    if (ref == null || ref.isBlank()) {
      throw new UserInputException(option + ": missing (expected: a key name or key id)");
    }
  }
}

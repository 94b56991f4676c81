package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.UserInputException;
import java.util.Optional;

/**
 * How the node names a key in a Bittensor wallet: {@code WALLET/HOTKEY} for a hotkey, {@code
 * WALLET} alone for the wallet's coldkey (or, where a hotkey is wanted, its {@code default} hotkey,
 * Bittensor's default hotkey name). The names are the wallet's folder and hotkey file names.
 */
record WalletKeyRef(String wallet, Optional<String> hotkey) {
  /** Bittensor's name for a hotkey nobody named. */
  static final String DEFAULT_HOTKEY = "default";

  WalletKeyRef {
    requireNonNull(wallet, "wallet");
    requireNonNull(hotkey, "hotkey");
  }

  /** {@code W/HK} or {@code W}; anything with more parts, or an empty part, is bad input. */
  static WalletKeyRef parse(String option, String ref) {
    int slash = ref.indexOf('/');
    if (slash < 0) {
      return new WalletKeyRef(ref, Optional.empty());
    }
    String wallet = ref.substring(0, slash);
    String hotkey = ref.substring(slash + 1);
    if (wallet.isEmpty() || hotkey.isEmpty() || hotkey.indexOf('/') >= 0) {
      throw new UserInputException(
          option + ": '" + ref + "' (expected: WALLET/HOTKEY, WALLET, a key name or a key id)");
    }
    return new WalletKeyRef(wallet, Optional.of(hotkey));
  }

  static WalletKeyRef hotkey(String wallet, String hotkey) {
    return new WalletKeyRef(wallet, Optional.of(hotkey));
  }

  /** The hotkey named, or {@link #DEFAULT_HOTKEY}. */
  String hotkeyOrDefault() {
    return hotkey.orElse(DEFAULT_HOTKEY);
  }

  /** The hotkey this names where a hotkey is wanted: {@code W/HK}, or {@code W/default}. */
  WalletKeyRef asHotkey() {
    return hotkey(wallet, hotkeyOrDefault());
  }

  @Override
  public String toString() {
    return hotkey.map(h -> wallet + "/" + h).orElse(wallet);
  }
}

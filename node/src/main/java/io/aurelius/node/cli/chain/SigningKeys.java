package io.aurelius.node.cli.chain;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.keys.CliKeys;
import io.aurelius.node.cli.keys.PassphraseOptions;
import java.util.Arrays;

/** Loads the keys chain commands sign with from the node's key store ({@code <home>/keys}). */
final class SigningKeys {
  private SigningKeys() {}

  static Ed25519KeyPair coldkey(HomeOptions home, CliContext context, String option, String ref,
      PassphraseOptions passphrase) {
    StoredKey stored = stored(home, context, option, ref, KeyKind.COLDKEY);
    char[] secret = passphrase.passphrase(context, stored.name().value());
    try {
      return CliKeys.call(() -> CliKeys.open(home, context).store().loadColdkey(stored.name(), secret));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  static Ed25519KeyPair hotkey(HomeOptions home, CliContext context, String option, String ref) {
    StoredKey stored = stored(home, context, option, ref, KeyKind.HOTKEY);
    return CliKeys.call(() -> CliKeys.open(home, context).store().loadHotkey(stored.name()));
  }

  /** A key named in the key store, or any key id (which need not be stored here). */
  static KeyId keyId(HomeOptions home, CliContext context, String option, String ref) {
    required(option, ref);
    if (KeyName.looksLikeName(ref)) {
      return CliKeys.open(home, context).resolve(ref).keyId();
    }
    try {
      return KeyId.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(option + ": " + e.getMessage(), e);
    }
  }

  private static StoredKey stored(HomeOptions home, CliContext context, String option, String ref, KeyKind kind) {
    required(option, ref);
    StoredKey stored = CliKeys.open(home, context).resolve(ref);
    if (stored.kind() != kind) {
      throw new UserInputException(option + ": key '" + stored.name() + "' is a " + stored.kind().wireName()
          + " (expected: a " + kind.wireName() + ")");
    }
    return stored;
  }

  private static void required(String option, String ref) {
    if (ref == null || ref.isBlank()) {
      throw new UserInputException(option + ": missing (expected: a key name or key id)");
    }
  }
}

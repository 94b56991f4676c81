package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import java.util.Arrays;

/**
 * Loads the keys a command signs with from the node's key store ({@code <home>/keys}), so every
 * command group names keys the same way: by name or key id, checked for their kind. {@code option}
 * is the command's option name, used in error messages.
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

  /** A key named in the key store, or any key id (which need not be stored here). */
  public static KeyId keyId(HomeOptions home, CliContext context, String option, String ref) {
    required(home, context, option, ref);
    if (KeyName.looksLikeName(ref)) {
      return CliKeys.open(home, context).resolve(ref).keyId();
    }
    try {
      return KeyId.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(option + ": " + e.getMessage(), e);
    }
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

package io.aurelius.node.cli.miner;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.keys.CliKeys;
import io.aurelius.node.cli.keys.PassphraseOptions;
import java.util.Arrays;

/** The miner's keys from the key store ({@code <home>/keys}), by name or key id. */
final class MinerKeys {
  private MinerKeys() {}

  static Ed25519KeyPair hotkey(HomeOptions home, CliContext context, String ref) {
    StoredKey stored = stored(home, context, "--hotkey", ref, KeyKind.HOTKEY);
    return CliKeys.call(() -> CliKeys.open(home, context).store().loadHotkey(stored.name()));
  }

  static Ed25519KeyPair coldkey(
      HomeOptions home, CliContext context, String ref, PassphraseOptions passphrase) {
    StoredKey stored = stored(home, context, "--coldkey", ref, KeyKind.COLDKEY);
    char[] secret = passphrase.passphrase(context, stored.name().value());
    try {
      return CliKeys.call(
          () -> CliKeys.open(home, context).store().loadColdkey(stored.name(), secret));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private static StoredKey stored(
      HomeOptions home, CliContext context, String option, String ref, KeyKind kind) {
    if (ref == null || ref.isBlank()) {
      throw new UserInputException(
          option
              + ": missing (expected: the name or key id of a "
              + kind.wireName()
              + " in "
              + home.home(context).resolve("keys")
              + "; create one with "
              + "'aurelius keys new --kind "
              + kind.wireName()
              + " --name NAME')");
    }
    StoredKey stored;
    try {
      stored = CliKeys.open(home, context).resolve(ref);
    } catch (UserInputException e) {
      throw new UserInputException(option + ": " + e.getMessage(), e);
    }
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
}

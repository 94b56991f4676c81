package io.aurelius.node.cli.keys;

import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import java.util.function.Supplier;

/**
 * The key store as the commands use it: key arguments parsed as a name or a key id, and key store
 * errors turned into the CLI's exit codes (bad input 2, machine failure 1).
 */
public final class CliKeys {
  private final KeyStore store;

  private CliKeys(KeyStore store) {
    this.store = store;
  }

  public static CliKeys open(HomeOptions home, CliContext context) {
    return new CliKeys(KeyStore.inHome(home.home(context)));
  }

  public KeyStore store() {
    return store;
  }

  /** A key given as its name (up to 32 characters) or its key id (an SS58 address). */
  public StoredKey resolve(String ref) {
    if (KeyName.looksLikeName(ref)) {
      KeyName name = name(ref);
      return call(() -> store.get(name));
    }
    KeyId id;
    try {
      id = KeyId.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    return call(() -> store.find(id));
  }

  public static KeyName name(String value) {
    try {
      return KeyName.of(value);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** Runs a key store operation, translating its failure to the CLI's exceptions. */
  public static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (KeyStoreException e) {
      if (e.reason().isBadInput()) {
        throw new UserInputException(e.getMessage(), e);
      }
      throw new CommandFailedException(e.getMessage(), e);
    }
  }
}

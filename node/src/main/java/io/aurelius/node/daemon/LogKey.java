package io.aurelius.node.daemon;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import java.nio.file.Path;

/**
 * The validator's corpus log key: the Ed25519 key that signs its checkpoints and cosignatures (C2SP
 * notes know only Ed25519). An Ed25519 hotkey is its own log key; beside a hotkey of another scheme
 * (sr25519, Bittensor's default) the node keeps one in its key store as {@code <home>/keys/}{@value
 * #NAME}{@code .json}, made on first use and kept for the life of the corpus.
 */
public final class LogKey {
  public static final String NAME = "corpus-log";

  private LogKey() {}

  /** The log key of a validator whose hotkey is {@code hotkey} and whose home is {@code home}. */
  public static Ed25519KeyPair of(Signer hotkey, Path home) {
    if (hotkey instanceof Ed25519KeyPair ed25519) {
      return ed25519;
    }
    KeyStore store = KeyStore.inHome(home);
    KeyName name = KeyName.of(NAME);
    if (!store.contains(name)) {
      store.createHotkey(name);
    }
    return store.loadHotkey(name);
  }
}

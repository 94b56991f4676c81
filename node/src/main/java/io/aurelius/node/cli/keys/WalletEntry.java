package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.identity.wallet.CryptoType;
import java.nio.file.Path;

/** The public facts of one key in a wallet of the node's home: what {@code keys list} shows. */
record WalletEntry(WalletKeyRef ref, KeyKind kind, KeyScheme scheme, AccountId account, Path file) {
  WalletEntry {
    requireNonNull(ref, "ref");
    requireNonNull(kind, "kind");
    requireNonNull(scheme, "scheme");
    requireNonNull(account, "account");
    requireNonNull(file, "file");
  }

  static KeyScheme scheme(CryptoType type) {
    return switch (type) {
      case SR25519 -> KeyScheme.SR25519;
      case ED25519 -> KeyScheme.ED25519;
    };
  }

  static CryptoType cryptoType(KeyScheme scheme) {
    return switch (scheme) {
      case SR25519 -> CryptoType.SR25519;
      case ED25519 -> CryptoType.ED25519;
    };
  }
}

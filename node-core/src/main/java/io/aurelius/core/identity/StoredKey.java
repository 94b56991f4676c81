package io.aurelius.core.identity;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519PublicKey;
import java.nio.file.Path;

/** The public facts of a key in a {@link KeyStore}: readable without any secret. */
public record StoredKey(KeyName name, KeyKind kind, KeyId keyId, Path file) {
  public StoredKey {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(keyId, "keyId");
    requireNonNull(file, "file");
  }

  public Ed25519PublicKey publicKey() {
    return keyId.ed25519();
  }

  public OpenSshPublicKey openSsh() {
    return OpenSshPublicKey.of(publicKey());
  }
}

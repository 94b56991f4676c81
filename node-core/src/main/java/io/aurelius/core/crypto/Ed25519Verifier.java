package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

/** The {@link Verifier} of {@link KeyScheme#ED25519}: {@link Ed25519#verify}, unchanged. */
enum Ed25519Verifier implements Verifier {
  INSTANCE;

  @Override
  public KeyScheme scheme() {
    return KeyScheme.ED25519;
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    requireNonNull(publicKey, "publicKey");
    if (publicKey.length != Ed25519PublicKey.LENGTH) {
      return false;
    }
    return Ed25519.verify(Ed25519PublicKey.fromBytes(publicKey), message, signature);
  }

  @Override
  public boolean verify(VerifyingKey publicKey, byte[] message, byte[] signature) {
    requireNonNull(publicKey, "publicKey");
    if (publicKey instanceof Ed25519PublicKey key) {
      return Ed25519.verify(key, message, signature);
    }
    return publicKey.scheme() == KeyScheme.ED25519 && verify(publicKey.bytes(), message, signature);
  }

  @Override
  public String toString() {
    return "Verifier[ed25519]";
  }
}

package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.sr25519.Sr25519;

/**
 * The {@link Verifier} of {@link KeyScheme#SR25519}: {@link Sr25519#verify} under Substrate's
 * {@code substrate} signing context. Deterministic, although signing is not.
 */
enum Sr25519Verifier implements Verifier {
  INSTANCE;

  @Override
  public KeyScheme scheme() {
    return KeyScheme.SR25519;
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    requireNonNull(publicKey, "publicKey");
    requireNonNull(message, "message");
    return Sr25519.verify(publicKey, message, signature);
  }

  @Override
  public String toString() {
    return "Verifier[sr25519]";
  }
}

package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;

/**
 * An Ed25519 private key with its public key: the {@link Signer} of {@link KeyScheme#ED25519}. Key
 * files and formats that are Ed25519 by definition (SSH signatures, signed notes) use the pair
 * itself; everything else takes it as a {@code Signer}.
 */
public record Ed25519KeyPair(Ed25519PrivateKey privateKey, Ed25519PublicKey publicKey)
    implements Signer {
  private static final SecureRandom RANDOM = new SecureRandom();

  public Ed25519KeyPair {
    requireNonNull(privateKey, "privateKey");
    requireNonNull(publicKey, "publicKey");
  }

  public static Ed25519KeyPair generate() {
    return generate(RANDOM);
  }

  public static Ed25519KeyPair generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519PrivateKey.LENGTH];
    random.nextBytes(seed);
    return fromSeed(seed);
  }

  public static Ed25519KeyPair fromSeed(byte[] seed) {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
    return new Ed25519KeyPair(key, key.publicKey());
  }

  @Override
  public KeyScheme scheme() {
    return KeyScheme.ED25519;
  }

  @Override
  public byte[] sign(byte[] message) {
    return privateKey.sign(message);
  }
}

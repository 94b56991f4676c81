package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.sr25519.DeriveJunction;
import io.aurelius.core.crypto.sr25519.Sr25519SecretKey;
import io.aurelius.core.crypto.sr25519.SubstrateMnemonic;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * An sr25519 secret key with its public key: the {@link Signer} of {@link KeyScheme#SR25519},
 * signing under Substrate's {@code substrate} context as Bittensor hotkeys do. Signatures are
 * randomized (schnorrkel binds fresh randomness into each witness), so two signatures of one
 * message differ; both verify.
 */
public final class Sr25519KeyPair implements Signer {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Sr25519SecretKey secretKey;
  private final Sr25519PublicKey publicKey;
  private final SecureRandom random;

  private Sr25519KeyPair(Sr25519SecretKey secretKey, SecureRandom random) {
    this.secretKey = secretKey;
    this.publicKey = Sr25519PublicKey.fromBytes(secretKey.publicKey());
    this.random = random;
  }

  public static Sr25519KeyPair generate() {
    return generate(RANDOM);
  }

  public static Sr25519KeyPair generate(SecureRandom random) {
    byte[] mini = new byte[32];
    random.nextBytes(mini);
    try {
      return fromMiniSecret(mini);
    } finally {
      Arrays.fill(mini, (byte) 0);
    }
  }

  /**
   * The key of a 32-byte mini secret (a wallet's {@code secretSeed}), expanded as Substrate does.
   */
  public static Sr25519KeyPair fromMiniSecret(byte[] miniSecret) {
    return new Sr25519KeyPair(Sr25519SecretKey.fromMiniSecret(miniSecret), RANDOM);
  }

  /** The key of a BIP39 phrase and password (empty for none), read as Substrate reads it. */
  public static Sr25519KeyPair fromPhrase(String phrase, String password) {
    byte[] mini = SubstrateMnemonic.miniSecret(phrase, password);
    try {
      return fromMiniSecret(mini);
    } finally {
      Arrays.fill(mini, (byte) 0);
    }
  }

  public static Sr25519KeyPair fromSecretKey(Sr25519SecretKey secretKey) {
    return new Sr25519KeyPair(requireNonNull(secretKey, "secretKey"), RANDOM);
  }

  /**
   * The key at {@code path} below this one, e.g. {@code //hotkey/0}; see {@link
   * DeriveJunction#parsePath}. Hard junctions are reproducible from the mini secret; a soft
   * junction's nonce half is random, which changes no public key and no signature's validity.
   */
  public Sr25519KeyPair derive(String path) {
    return derive(DeriveJunction.parsePath(path));
  }

  public Sr25519KeyPair derive(List<DeriveJunction> path) {
    Sr25519SecretKey key = secretKey;
    for (DeriveJunction j : path) {
      key = j.hard() ? key.deriveHard(j.chainCode()) : key.deriveSoft(j.chainCode(), random);
    }
    return new Sr25519KeyPair(key, random);
  }

  public Sr25519SecretKey secretKey() {
    return secretKey;
  }

  @Override
  public KeyScheme scheme() {
    return KeyScheme.SR25519;
  }

  @Override
  public Sr25519PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    requireNonNull(message, "message");
    return secretKey.sign(message, random);
  }

  @Override
  public String toString() {
    return "Sr25519KeyPair[" + publicKey.hex() + "]";
  }
}

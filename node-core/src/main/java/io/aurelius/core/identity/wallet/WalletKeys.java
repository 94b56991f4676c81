package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.crypto.sr25519.Sr25519SecretKey;
import io.aurelius.core.crypto.sr25519.SubstrateMnemonic;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import io.aurelius.core.identity.wallet.SecretMaterial.ExpandedSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.MiniSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.Phrase;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The key math between a wallet's {@link KeyMaterial} and a {@link Signer}: a signer from a
 * keyfile's secret, checked against the keyfile's account, and new keys as the SDK makes them (a
 * BIP-39 phrase, its Substrate mini secret, and the keyfile holding all three secret fields).
 *
 * <p>Both schemes read a phrase as Substrate does ({@link SubstrateMnemonic}, no password): the
 * first 32 bytes of the seed are the sr25519 mini secret or the Ed25519 RFC 8032 seed, as
 * bittensor-wallet's {@code Keypair.create_from_mnemonic} takes them for either crypto type.
 */
public final class WalletKeys {
  /** 16 bytes of entropy: a 12-word phrase, btcli's default. */
  private static final int ENTROPY_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private WalletKeys() {}

  /**
   * The signer of {@code material}; a secret whose public key is not the keyfile's account is
   * {@link Reason#CORRUPTED}, named by {@code where} (the file). The material is not destroyed.
   */
  public static Signer signer(KeyMaterial material, String where) {
    requireNonNull(material, "material");
    requireNonNull(where, "where");
    Signer signer;
    try {
      signer = derive(material.cryptoType(), material.secret());
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException(
          Reason.CORRUPTED, where + ": " + e.getMessage() + " (expected: a usable secret)", e);
    }
    AccountId derived = AccountId.of(signer.publicKey().bytes());
    if (!derived.equals(material.account())) {
      throw new KeyStoreException(
          Reason.CORRUPTED,
          where
              + ": the secret is the key of "
              + derived
              + ", the file names "
              + material.account()
              + " (expected: the same account)");
    }
    return signer;
  }

  /** A new key of {@code type} from fresh randomness, as a keyfile with its phrase. */
  public static KeyfileData generate(CryptoType type) {
    return generate(type, RANDOM);
  }

  public static KeyfileData generate(CryptoType type, SecureRandom random) {
    requireNonNull(type, "type");
    byte[] entropy = new byte[ENTROPY_BYTES];
    random.nextBytes(entropy);
    char[] phrase = SubstrateMnemonic.phrase(entropy).toCharArray();
    Arrays.fill(entropy, (byte) 0);
    try {
      return fromPhrase(type, phrase);
    } finally {
      Arrays.fill(phrase, '\0');
    }
  }

  /**
   * The keyfile of the key a BIP-39 phrase gives under {@code type}: {@code secretPhrase}, {@code
   * secretSeed} and {@code privateKey} filled as bittensor-wallet fills them. A phrase that is not
   * BIP-39 English words with a right checksum is an {@link IllegalArgumentException} that does not
   * repeat it. The words are not modified.
   */
  public static KeyfileData fromPhrase(CryptoType type, char[] words) {
    requireNonNull(type, "type");
    Phrase phrase = Phrase.of(words);
    byte[] mini = SubstrateMnemonic.miniSecret(new String(words), "");
    byte[] privateKey = null;
    try {
      MiniSecret seed = MiniSecret.of(mini);
      SecretMaterial key;
      AccountId account;
      if (type == CryptoType.SR25519) {
        Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(mini);
        privateKey = pair.secretKey().toBytes();
        key = ExpandedSecret.of(privateKey);
        account = AccountId.of(pair.publicKey().bytes());
      } else {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(mini);
        key = MiniSecret.of(mini);
        account = AccountId.of(pair.publicKey().bytes());
        pair.privateKey().destroy();
      }
      return new KeyfileData(
          account, Optional.of(type), Optional.of(phrase), Optional.of(seed), Optional.of(key));
    } finally {
      Arrays.fill(mini, (byte) 0);
      if (privateKey != null) {
        Arrays.fill(privateKey, (byte) 0);
      }
    }
  }

  private static Signer derive(CryptoType type, SecretMaterial secret) {
    if (secret instanceof Phrase phrase) {
      char[] words = phrase.chars();
      byte[] mini = SubstrateMnemonic.miniSecret(new String(words), "");
      Arrays.fill(words, '\0');
      try {
        return fromSeed(type, mini);
      } finally {
        Arrays.fill(mini, (byte) 0);
      }
    }
    if (secret instanceof MiniSecret seed) {
      byte[] bytes = seed.bytes();
      try {
        return fromSeed(type, bytes);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
    ExpandedSecret expanded = (ExpandedSecret) secret;
    byte[] bytes = expanded.bytes();
    try {
      return Sr25519KeyPair.fromSecretKey(Sr25519SecretKey.fromBytes(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static Signer fromSeed(CryptoType type, byte[] seed) {
    return switch (type) {
      case SR25519 -> Sr25519KeyPair.fromMiniSecret(seed);
      case ED25519 -> Ed25519KeyPair.fromSeed(seed);
    };
  }
}

package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.wallet.SecretMaterial.ExpandedSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.MiniSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contents of one Bittensor keyfile, checked: the account ({@code publicKey}, {@code accountId}
 * and {@code ss58Address} agree), the {@code cryptoType} if the file records it, and whichever
 * secrets it holds. A public file ({@code coldkeypub.txt}, {@code hotkeys/NAMEpub.txt}) holds none.
 *
 * <p>{@code privateKey} is a 64-byte {@link ExpandedSecret} for sr25519 and a 32-byte {@link
 * MiniSecret} (the RFC 8032 seed) for Ed25519. {@code toString} never shows a secret.
 *
 * @param cryptoType empty when the file has no {@code cryptoType} field (an sr25519 key written by
 *     an SDK before bittensor-wallet 4.1)
 */
public record KeyfileData(
    AccountId account,
    Optional<CryptoType> cryptoType,
    Optional<Phrase> secretPhrase,
    Optional<MiniSecret> secretSeed,
    Optional<SecretMaterial> privateKey) {

  public KeyfileData {
    requireNonNull(account, "account");
    requireNonNull(cryptoType, "cryptoType");
    requireNonNull(secretPhrase, "secretPhrase");
    requireNonNull(secretSeed, "secretSeed");
    requireNonNull(privateKey, "privateKey");
    CryptoType type = cryptoType.orElse(CryptoType.SR25519);
    if (privateKey.isPresent()) {
      SecretMaterial key = privateKey.get();
      if (key instanceof Phrase) {
        throw new IllegalArgumentException(
            "privateKey: a phrase (expected: 64 bytes for sr25519, 32 for ed25519)");
      }
      if (type == CryptoType.SR25519 && !(key instanceof ExpandedSecret)) {
        throw new IllegalArgumentException(
            "privateKey: 32 bytes (expected: 64 for an sr25519 key)");
      }
      if (type == CryptoType.ED25519 && !(key instanceof MiniSecret)) {
        throw new IllegalArgumentException(
            "privateKey: 64 bytes (expected: 32 for an ed25519 key)");
      }
    }
  }

  /** A public keyfile: the account and the scheme, no secret. */
  public static KeyfileData publicOnly(AccountId account, CryptoType cryptoType) {
    return new KeyfileData(
        account, Optional.of(cryptoType), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A keyfile holding one secret, in the field that holds its kind: a phrase in {@code
   * secretPhrase}, a mini secret in {@code secretSeed}, an expanded secret in {@code privateKey}.
   * The secret is not copied; destroying this data destroys it.
   */
  public static KeyfileData of(AccountId account, CryptoType cryptoType, SecretMaterial secret) {
    requireNonNull(secret, "secret");
    Optional<CryptoType> type = Optional.of(cryptoType);
    if (secret instanceof Phrase phrase) {
      return new KeyfileData(
          account, type, Optional.of(phrase), Optional.empty(), Optional.empty());
    }
    if (secret instanceof MiniSecret seed) {
      return new KeyfileData(account, type, Optional.empty(), Optional.of(seed), Optional.empty());
    }
    return new KeyfileData(account, type, Optional.empty(), Optional.empty(), Optional.of(secret));
  }

  /** The scheme: the recorded one, or sr25519 when the file does not say. */
  public CryptoType scheme() {
    return cryptoType.orElse(CryptoType.SR25519);
  }

  public boolean hasSecret() {
    return secretPhrase.isPresent() || secretSeed.isPresent() || privateKey.isPresent();
  }

  /**
   * The secret a key is loaded from, preferred as the Bittensor SDK prefers it: {@code
   * secretPhrase}, then {@code secretSeed}, then {@code privateKey}. Empty for a public file.
   */
  public Optional<SecretMaterial> preferredSecret() {
    if (secretPhrase.isPresent()) {
      return Optional.of(secretPhrase.get());
    }
    if (secretSeed.isPresent()) {
      return Optional.of(secretSeed.get());
    }
    return privateKey;
  }

  /** The scheme, account and {@link #preferredSecret()}; empty for a public file. */
  public Optional<KeyMaterial> keyMaterial() {
    return preferredSecret().map(secret -> new KeyMaterial(scheme(), account, secret));
  }

  /** The same account and scheme without the secrets, as {@code coldkeypub.txt} holds it. */
  public KeyfileData publicOnly() {
    return new KeyfileData(
        account, cryptoType, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Destroys every secret held. */
  public void destroy() {
    secretPhrase.ifPresent(SecretMaterial::destroy);
    secretSeed.ifPresent(SecretMaterial::destroy);
    privateKey.ifPresent(SecretMaterial::destroy);
  }

  @Override
  public String toString() {
    List<String> secrets = new ArrayList<>();
    secretPhrase.ifPresent(s -> secrets.add("secretPhrase"));
    secretSeed.ifPresent(s -> secrets.add("secretSeed"));
    privateKey.ifPresent(s -> secrets.add("privateKey"));
    return "KeyfileData["
        + account
        + ", "
        + cryptoType.map(CryptoType::name).orElse("cryptoType unrecorded")
        + ", secrets: "
        + (secrets.isEmpty() ? "none" : String.join(", ", secrets) + " (redacted)")
        + "]";
  }
}

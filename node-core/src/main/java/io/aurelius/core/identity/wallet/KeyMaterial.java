package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

/**
 * What a signer is made from: the key's scheme, its account (the public key the derived key must
 * have) and its secret. The wallet stops here; the sr25519 and Ed25519 code turn it into a {@code
 * io.aurelius.core.crypto.Signer}, refusing it if the derived public key is not {@link #account()}.
 * {@code toString} never shows the secret.
 */
public record KeyMaterial(CryptoType cryptoType, AccountId account, SecretMaterial secret) {
  public KeyMaterial {
    requireNonNull(cryptoType, "cryptoType");
    requireNonNull(account, "account");
    requireNonNull(secret, "secret");
    if (secret instanceof SecretMaterial.ExpandedSecret && cryptoType != CryptoType.SR25519) {
      throw new IllegalArgumentException(
          "a 64-byte expanded secret is an sr25519 key (expected: cryptoType sr25519)");
    }
  }

  @Override
  public String toString() {
    return "KeyMaterial[" + cryptoType + ", " + account + ", " + secret + "]";
  }
}

package io.aurelius.core.identity.wallet;

/**
 * The signature scheme of a wallet key, as bittensor-wallet 4.1+ records it in a keyfile's {@code
 * cryptoType} field. A keyfile without the field (older SDKs) holds an sr25519 key.
 */
public enum CryptoType {
  /** {@code cryptoType} 0: Ed25519; the secret seed is the RFC 8032 private key. */
  ED25519(0),
  /** {@code cryptoType} 1: sr25519 (schnorrkel), the default. */
  SR25519(1);

  private final int wireValue;

  CryptoType(int wireValue) {
    this.wireValue = wireValue;
  }

  /** The value of the keyfile's {@code cryptoType} field. */
  public int wireValue() {
    return wireValue;
  }

  /**
   * The type with that {@code cryptoType} value; another is an {@link IllegalArgumentException}.
   */
  public static CryptoType fromWireValue(int value) {
    for (CryptoType type : values()) {
      if (type.wireValue == value) {
        return type;
      }
    }
    throw new IllegalArgumentException(value + " (expected: 0 for ed25519 or 1 for sr25519)");
  }
}

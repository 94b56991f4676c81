package io.aurelius.core.chain;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;

/** Deterministic keys for chain tests: seed bytes all equal to a label-derived byte. */
public final class TestKeys {
  private TestKeys() {}

  public static Ed25519KeyPair key(int label) {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) (label * 31 + i);
    }
    return Ed25519KeyPair.fromSeed(seed);
  }

  public static KeyId id(int label) {
    return KeyId.of(key(label).publicKey());
  }
}

package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as Ethereum uses it (original Keccak padding, not NIST SHA3-256, which the JDK has);
 * OpenTimestamps proofs may use it as an operation.
 */
public final class Keccak256 {
  public static final int LENGTH = 32;

  private Keccak256() {}

  public static byte[] digest(byte[] data) {
    requireNonNull(data, "data");
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[LENGTH];
    digest.doFinal(out, 0);
    return out;
  }
}

package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** RIPEMD-160, which the JDK lacks; OpenTimestamps proofs may use it as an operation. */
public final class Ripemd160 {
  public static final int LENGTH = 20;

  private Ripemd160() {}

  public static byte[] digest(byte[] data) {
    requireNonNull(data, "data");
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[LENGTH];
    digest.doFinal(out, 0);
    return out;
  }
}

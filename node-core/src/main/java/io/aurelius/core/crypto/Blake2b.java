package io.aurelius.core.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** BLAKE2b, needed for SS58 address checksums. */
public final class Blake2b {
  private Blake2b() {}

  /** BLAKE2b with the given output length in bytes (1..64) over the concatenated parts. */
  public static byte[] digest(int outputBytes, byte[]... parts) {
    Blake2bDigest digest = new Blake2bDigest(outputBytes * 8);
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[outputBytes];
    digest.doFinal(out, 0);
    return out;
  }
}

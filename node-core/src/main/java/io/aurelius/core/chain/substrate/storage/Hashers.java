package io.aurelius.core.chain.substrate.storage;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.metadata.StorageHasher;
import io.aurelius.core.crypto.Blake2b;

/**
 * Substrate's storage hashers (frame-support {@code hash.rs}): twox-N is xxHash64 with seeds 0, 1,
 * ... each written little-endian; the concat hashers append the encoded key to the hash.
 */
public final class Hashers {
  private Hashers() {}

  public static byte[] hash(StorageHasher hasher, byte[] encodedKey) {
    requireNonNull(hasher, "hasher");
    requireNonNull(encodedKey, "encodedKey");
    return switch (hasher) {
      case BLAKE2_128 -> Blake2b.digest(16, encodedKey);
      case BLAKE2_256 -> Blake2b.digest(32, encodedKey);
      case BLAKE2_128_CONCAT -> concat(Blake2b.digest(16, encodedKey), encodedKey);
      case TWOX_128 -> twox(encodedKey, 2);
      case TWOX_256 -> twox(encodedKey, 4);
      case TWOX_64_CONCAT -> concat(twox(encodedKey, 1), encodedKey);
      case IDENTITY -> encodedKey.clone();
    };
  }

  /** twox128, as used for pallet prefixes and entry names. */
  public static byte[] twox128(byte[] data) {
    return twox(data, 2);
  }

  private static byte[] twox(byte[] data, int words) {
    byte[] out = new byte[words * 8];
    for (int w = 0; w < words; w++) {
      long h = XxHash64.hash(data, w);
      for (int i = 0; i < 8; i++) {
        out[w * 8 + i] = (byte) (h >>> (8 * i));
      }
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

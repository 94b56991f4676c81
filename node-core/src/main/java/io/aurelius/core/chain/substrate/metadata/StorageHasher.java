package io.aurelius.core.chain.substrate.metadata;

/**
 * How a storage map hashes a key, in frame-metadata's encoding order. The concat hashers append the
 * encoded key after the hash, so keys can be read back from storage keys.
 */
public enum StorageHasher {
  BLAKE2_128(16, false),
  BLAKE2_256(32, false),
  BLAKE2_128_CONCAT(16, true),
  TWOX_128(16, false),
  TWOX_256(32, false),
  TWOX_64_CONCAT(8, true),
  IDENTITY(0, true);

  private final int hashBytes;
  private final boolean concat;

  StorageHasher(int hashBytes, boolean concat) {
    this.hashBytes = hashBytes;
    this.concat = concat;
  }

  /** Bytes of hash before the key itself (if the key is appended). */
  public int hashBytes() {
    return hashBytes;
  }

  /** Whether the encoded key follows the hash. */
  public boolean concat() {
    return concat;
  }
}

package io.aurelius.anchoring.merkle;

import static java.util.Objects.requireNonNull;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 6962 hashing: {@code leaf = H(0x00 ‖ d)}, {@code node = H(0x01 ‖ left ‖ right)} with H =
 * SHA-256. One instance reuses one {@link MessageDigest} and one scratch buffer, so hashing
 * allocates nothing; an instance is therefore not thread-safe (use one per thread).
 */
public final class MerkleHasher {
  public static final int HASH_LENGTH = 32;
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private final MessageDigest digest;
  private final byte[] scratch = new byte[1 + 2 * HASH_LENGTH];

  public MerkleHasher() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    scratch[0] = NODE_PREFIX;
  }

  /** The root of the empty tree, {@code H("")}. */
  public byte[] emptyRoot() {
    return digest.digest();
  }

  public byte[] leafHash(byte[] data) {
    requireNonNull(data, "data");
    byte[] out = new byte[HASH_LENGTH];
    leafHash(data, 0, data.length, out, 0);
    return out;
  }

  /** Writes {@code H(0x00 ‖ data[off..off+len))} to {@code out[outOff..outOff+32)}. */
  public void leafHash(byte[] data, int off, int len, byte[] out, int outOff) {
    digest.update(LEAF_PREFIX);
    digest.update(data, off, len);
    finish(out, outOff);
  }

  public byte[] nodeHash(byte[] left, byte[] right) {
    byte[] out = new byte[HASH_LENGTH];
    nodeHash(left, 0, right, 0, out, 0);
    return out;
  }

  /** Writes {@code H(0x01 ‖ left ‖ right)}; the output may overlap either input. */
  public void nodeHash(
      byte[] left, int leftOff, byte[] right, int rightOff, byte[] out, int outOff) {
    System.arraycopy(left, leftOff, scratch, 1, HASH_LENGTH);
    System.arraycopy(right, rightOff, scratch, 1 + HASH_LENGTH, HASH_LENGTH);
    digest.update(scratch, 0, scratch.length);
    finish(out, outOff);
  }

  private void finish(byte[] out, int outOff) {
    try {
      digest.digest(out, outOff, HASH_LENGTH);
    } catch (DigestException e) {
      throw new IllegalArgumentException("output buffer too small for a SHA-256 digest", e);
    }
  }
}

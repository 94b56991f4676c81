package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An 80-byte Bitcoin block header. The Merkle root is kept in internal byte order (as a proof ends
 * in it); the block hash is shown in the usual reversed hex.
 */
public record BlockHeader(byte[] raw) {
  public static final int LENGTH = 80;

  public BlockHeader {
    requireNonNull(raw, "raw");
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException("block header: " + raw.length + " bytes (expected: 80)");
    }
    raw = raw.clone();
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  public byte[] merkleRoot() {
    return Arrays.copyOfRange(raw, 36, 68);
  }

  /** {@code nTime}, Unix seconds. */
  public long time() {
    return (raw[68] & 0xffL)
        | (raw[69] & 0xffL) << 8
        | (raw[70] & 0xffL) << 16
        | (raw[71] & 0xffL) << 24;
  }

  /** The block hash as bitcoind prints it: SHA-256d of the header, byte-reversed, in hex. */
  public String hashHex() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] h = sha.digest(sha.digest(raw));
      byte[] reversed = new byte[h.length];
      for (int i = 0; i < h.length; i++) {
        reversed[i] = h[h.length - 1 - i];
      }
      return HexFormat.of().formatHex(reversed);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader b && Arrays.equals(raw, b.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "block " + hashHex();
  }
}

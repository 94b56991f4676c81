package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.crypto.Blake2b;
import io.aurelius.core.identity.KeyId;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The commit-reveal v2 weight hash, byte for byte as Subtensor computes it (docs/reference.md §1):
 * BLAKE2b-256 of the SCALE encoding of (account id, netuid u16, uids Vec&lt;u16&gt;, values
 * Vec&lt;u16&gt;, salt Vec&lt;u16&gt;, version_key u64). The account id is the hotkey's 32
 * public-key bytes; SCALE integers are little-endian and a Vec is prefixed by its compact length.
 */
public final class WeightCommitHash {
  private WeightCommitHash() {}

  public static String of(KeyId hotkey, int netuid, Weights weights, Salt salt, long versionKey) {
    requireNonNull(hotkey, "hotkey");
    requireNonNull(weights, "weights");
    requireNonNull(salt, "salt");
    return Hex.encode(Blake2b.digest(32, scale(hotkey, netuid, weights, salt, versionKey)));
  }

  static byte[] scale(KeyId hotkey, int netuid, Weights weights, Salt salt, long versionKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(hotkey.accountBytes());
    u16(out, netuid);
    vecU16(out, weights.uids());
    vecU16(out, weights.values());
    vecU16(out, salt.values());
    for (int i = 0; i < 8; i++) {
      out.write((int) (versionKey >>> (8 * i)) & 0xff);
    }
    return out.toByteArray();
  }

  /** SCALE compact encoding of a length (modes 0–2, lengths below 2^30). */
  static byte[] compact(int length) {
    if (length < 0 || length >= (1 << 30)) {
      throw new IllegalArgumentException("compact length " + length + " (expected: 0..2^30-1)");
    }
    if (length < 64) {
      return new byte[] {(byte) (length << 2)};
    }
    if (length < (1 << 14)) {
      int v = (length << 2) | 1;
      return new byte[] {(byte) v, (byte) (v >>> 8)};
    }
    int v = (length << 2) | 2;
    return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
  }

  private static void vecU16(ByteArrayOutputStream out, List<Integer> values) {
    out.writeBytes(compact(values.size()));
    for (int v : values) {
      u16(out, v);
    }
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
  }
}

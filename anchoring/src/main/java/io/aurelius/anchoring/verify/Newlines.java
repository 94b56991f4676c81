package io.aurelius.anchoring.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next newline eight bytes at a time: a byte-by-byte search over the entry bundles took
 * longer than hashing them.
 */
final class Newlines {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long NEWLINES = '\n' * ONES;

  private Newlines() {}

  /** The index of the first {@code '\n'} at or after {@code from}, or -1. */
  static int next(byte[] bytes, int from) {
    int p = from;
    while (p + 8 <= bytes.length) {
      long x = (long) LONGS.get(bytes, p) ^ NEWLINES;
      long zero = (x - ONES) & ~x & HIGH_BITS;
      if (zero != 0) {
        // The lowest flagged byte is a real zero (a borrow only runs upwards from one).
        return p + Long.numberOfTrailingZeros(zero) / 8;
      }
      p += 8;
    }
    for (; p < bytes.length; p++) {
      if (bytes[p] == '\n') {
        return p;
      }
    }
    return -1;
  }
}

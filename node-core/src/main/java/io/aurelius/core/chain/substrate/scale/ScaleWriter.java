package io.aurelius.core.chain.substrate.scale;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** SCALE encoding into a growing buffer; integers are range-checked against their width. */
public final class ScaleWriter {
  private static final BigInteger COMPACT_MAX =
      BigInteger.ONE.shiftLeft(536).subtract(BigInteger.ONE);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  public Bytes toBytes() {
    return Bytes.wrap(out.toByteArray());
  }

  public ScaleWriter raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  public ScaleWriter u8(int v) {
    return uint(1, BigInteger.valueOf(v));
  }

  public ScaleWriter u16(int v) {
    return uint(2, BigInteger.valueOf(v));
  }

  public ScaleWriter u32(long v) {
    return uint(4, BigInteger.valueOf(v));
  }

  /** A u64 from a non-negative long. */
  public ScaleWriter u64(long v) {
    return uint(8, BigInteger.valueOf(v));
  }

  /** An unsigned little-endian integer of {@code width} bytes. */
  public ScaleWriter uint(int width, BigInteger v) {
    requireNonNull(v, "v");
    if (v.signum() < 0 || v.bitLength() > width * 8) {
      throw new IllegalArgumentException(
          "u" + width * 8 + ": " + v + " (expected: 0..2^" + width * 8 + "-1)");
    }
    writeLe(width, v);
    return this;
  }

  /** A two's-complement little-endian integer of {@code width} bytes. */
  public ScaleWriter sint(int width, BigInteger v) {
    requireNonNull(v, "v");
    if (v.bitLength() > width * 8 - 1) {
      throw new IllegalArgumentException(
          "i"
              + width * 8
              + ": "
              + v
              + " (expected: -2^"
              + (width * 8 - 1)
              + "..2^"
              + (width * 8 - 1)
              + "-1)");
    }
    writeLe(width, v);
    return this;
  }

  private void writeLe(int width, BigInteger v) {
    for (int i = 0; i < width; i++) {
      out.write(v.shiftRight(8 * i).intValue() & 0xff);
    }
  }

  public ScaleWriter bool(boolean v) {
    out.write(v ? 1 : 0);
    return this;
  }

  public ScaleWriter compact(long v) {
    return compact(BigInteger.valueOf(v));
  }

  /** A compact integer in its canonical (shortest) mode. */
  public ScaleWriter compact(BigInteger v) {
    requireNonNull(v, "v");
    if (v.signum() < 0 || v.compareTo(COMPACT_MAX) > 0) {
      throw new IllegalArgumentException("compact: " + v + " (expected: 0..2^536-1)");
    }
    if (v.bitLength() <= 6) {
      out.write(v.intValue() << 2);
    } else if (v.bitLength() <= 14) {
      writeLe(2, v.shiftLeft(2).or(BigInteger.ONE));
    } else if (v.bitLength() <= 30) {
      writeLe(4, v.shiftLeft(2).or(BigInteger.TWO));
    } else {
      int width = Math.max(4, (v.bitLength() + 7) / 8);
      out.write(((width - 4) << 2) | 3);
      writeLe(width, v);
    }
    return this;
  }

  /** {@code Vec<u8>}: compact length, then the bytes. */
  public ScaleWriter byteVec(byte[] bytes) {
    compact(bytes.length);
    return raw(bytes);
  }

  public ScaleWriter string(String s) {
    return byteVec(s.getBytes(StandardCharsets.UTF_8));
  }
}

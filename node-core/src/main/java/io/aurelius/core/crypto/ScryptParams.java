package io.aurelius.core.crypto;

/**
 * Cost parameters of scrypt (RFC 7914): CPU/memory cost {@code n} (a power of two), block size
 * {@code r} and parallelism {@code p}. Memory use is about {@code 128 * n * r} bytes.
 *
 * <p>The bounds are enforced on every value, including values read from a key file, so a hostile
 * file cannot make the node allocate gigabytes: n in 2^10..2^20, r in 1..16, p in 1..16, and
 * 128·n·r at most 256 MiB.
 */
public record ScryptParams(int n, int r, int p) {
  /** Production cost: n = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s on a laptop core). */
  public static final ScryptParams DEFAULT = new ScryptParams(1 << 15, 8, 1);

  public static final int MIN_N = 1 << 10;
  public static final int MAX_N = 1 << 20;
  public static final int MAX_R = 16;
  public static final int MAX_P = 16;
  public static final long MAX_MEMORY_BYTES = 256L << 20;

  public ScryptParams {
    if (n < MIN_N || n > MAX_N || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException(
          "scrypt n: " + n + " (expected: a power of two in " + MIN_N + ".." + MAX_N + ")");
    }
    if (r < 1 || r > MAX_R) {
      throw new IllegalArgumentException("scrypt r: " + r + " (expected: 1.." + MAX_R + ")");
    }
    if (p < 1 || p > MAX_P) {
      throw new IllegalArgumentException("scrypt p: " + p + " (expected: 1.." + MAX_P + ")");
    }
    if (memoryBytes(n, r) > MAX_MEMORY_BYTES) {
      throw new IllegalArgumentException(
          "scrypt n·r: "
              + n
              + "·"
              + r
              + " needs "
              + (memoryBytes(n, r) >> 20)
              + " MiB (expected: at most "
              + (MAX_MEMORY_BYTES >> 20)
              + " MiB)");
    }
  }

  /** The parameters with {@code n = 2^logN} and the default r and p. */
  public static ScryptParams withLogN(int logN) {
    if (logN < 10 || logN > 20) {
      throw new IllegalArgumentException("scrypt log2(n): " + logN + " (expected: 10..20)");
    }
    return new ScryptParams(1 << logN, DEFAULT.r(), DEFAULT.p());
  }

  private static long memoryBytes(int n, int r) {
    return 128L * n * r;
  }
}

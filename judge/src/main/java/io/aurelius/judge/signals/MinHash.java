package io.aurelius.judge.signals;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * MinHash signatures over shingle sets: the share of equal positions in two signatures estimates
 * their Jaccard similarity (P[h(A) = h(B)] = J(A, B)). The hash functions are fixed (FNV-1a over
 * UTF-8, then a splitmix64 finaliser per seed), so every node computes the same signature for the
 * same set.
 */
public final class MinHash {
  public static final int SIZE = 128;
  private static final long[] SEEDS = new long[SIZE];

  static {
    long s = 0x5DEECE66DL;
    for (int i = 0; i < SIZE; i++) {
      s += 0x9E3779B97F4A7C15L;
      SEEDS[i] = mix(s);
    }
  }

  private MinHash() {}

  /** The signature of a set; the empty set's signature is all {@code Long.MAX_VALUE}. */
  public static long[] signature(Set<String> shingles) {
    requireNonNull(shingles, "shingles");
    long[] sig = new long[SIZE];
    Arrays.fill(sig, Long.MAX_VALUE);
    for (String s : shingles) {
      long base = fnv1a(s);
      for (int i = 0; i < SIZE; i++) {
        long h = mix(base ^ SEEDS[i]) & Long.MAX_VALUE;
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** The estimated Jaccard similarity; two empty sets are not similar (0). */
  public static double similarity(long[] a, long[] b) {
    if (a.length != SIZE || b.length != SIZE) {
      throw new IllegalArgumentException(
          "signature length " + a.length + "/" + b.length + " (expected: " + SIZE + ")");
    }
    int same = 0;
    boolean anyA = false;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] != Long.MAX_VALUE) {
        anyA = true;
      }
      if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
        same++;
      }
    }
    return anyA ? (double) same / SIZE : 0;
  }

  /**
   * Locality-sensitive hashing: true if the signatures agree on every row of at least one of {@code
   * bands} bands ({@code SIZE / bands} rows each); a pair of Jaccard similarity s is a candidate
   * with probability 1 − (1 − s^r)^b.
   */
  public static boolean candidates(long[] a, long[] b, int bands) {
    if (bands < 1 || SIZE % bands != 0) {
      throw new IllegalArgumentException(
          "bands: " + bands + " (expected: a divisor of " + SIZE + ")");
    }
    int rows = SIZE / bands;
    for (int band = 0; band < bands; band++) {
      boolean all = true;
      for (int r = band * rows; r < (band + 1) * rows && all; r++) {
        all = a[r] == b[r] && a[r] != Long.MAX_VALUE;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

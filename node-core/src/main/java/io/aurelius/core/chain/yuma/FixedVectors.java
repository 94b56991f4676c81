package io.aurelius.core.chain.yuma;

import java.util.Arrays;

/**
 * The vector and dense-matrix operations of subtensor's {@code epoch/math.rs}, on raw I32F32
 * values. Every loop runs in index order; sums are exact (saturating), so order does not matter
 * anyway.
 */
final class FixedVectors {
  private FixedVectors() {}

  static long sum(long[] x) {
    long s = 0;
    for (long v : x) {
      s = Fixed.add(s, v);
    }
    return s;
  }

  static boolean isZero(long[] x) {
    return sum(x) == 0;
  }

  /** x /= Σx, unless Σx is zero. */
  static void normalize(long[] x) {
    normalizeUsingSum(x, sum(x));
  }

  static void normalizeUsingSum(long[] x, long total) {
    if (total == 0) {
      return;
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = Fixed.div(x[i], total);
    }
  }

  static void maskWhere(boolean[] mask, long[] x) {
    for (int i = 0; i < x.length; i++) {
      if (mask[i]) {
        x[i] = 0;
      }
    }
  }

  /** Each row /= its sum when the sum is positive. */
  static void rowNormalize(long[][] m) {
    for (long[] row : m) {
      long s = sum(row);
      if (s > 0) {
        for (int j = 0; j < row.length; j++) {
          row[j] = Fixed.div(row[j], s);
        }
      }
    }
  }

  /** Each column /= its sum when the sum is non-zero. */
  static void colNormalize(long[][] m, int cols) {
    long[] sums = new long[cols];
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        sums[j] = Fixed.add(sums[j], row[j]);
      }
    }
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        if (sums[j] != 0) {
          row[j] = Fixed.div(row[j], sums[j]);
        }
      }
    }
  }

  static long[] rowSums(long[][] m) {
    long[] out = new long[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = sum(m[i]);
    }
    return out;
  }

  /** result_j = Σ_i v_i · m_ij. */
  static long[] matmul(long[][] m, long[] v, int cols) {
    long[] out = new long[cols];
    for (int i = 0; i < m.length; i++) {
      long vi = v[i];
      if (vi == 0) {
        continue;
      }
      long[] row = m[i];
      for (int j = 0; j < cols; j++) {
        out[j] = Fixed.add(out[j], Fixed.mul(vi, row[j]));
      }
    }
    return out;
  }

  /** result_i = Σ_j v_j · m_ij. */
  static long[] matmulTranspose(long[][] m, long[] v) {
    long[] out = new long[m.length];
    for (int i = 0; i < m.length; i++) {
      long acc = 0;
      long[] row = m[i];
      for (int j = 0; j < v.length; j++) {
        acc = Fixed.add(acc, Fixed.mul(v[j], row[j]));
      }
      out[i] = acc;
    }
    return out;
  }

  /** m_ij · v_i. */
  static long[][] rowHadamard(long[][] m, long[] v) {
    long[][] out = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = new long[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        out[i][j] = Fixed.mul(v[i], m[i][j]);
      }
    }
    return out;
  }

  /** min(m_ij, threshold_j), in place. */
  static void colClip(long[][] m, long[] threshold) {
    for (long[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] = Math.min(row[j], threshold[j]);
      }
    }
  }

  /** a + ratio · (b − a), with the exact ends at ratio 0 and 1. */
  static long[][] interpolate(long[][] a, long[][] b, long ratio) {
    if (ratio == 0) {
      return copy(a);
    }
    if (ratio == Fixed.ONE) {
      return copy(b);
    }
    long[][] out = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new long[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        out[i][j] = Fixed.add(a[i][j], Fixed.mul(ratio, Fixed.sub(b[i][j], a[i][j])));
      }
    }
    return out;
  }

  /** alpha · fresh + (1 − alpha) · old. */
  static long[][] ema(long[][] fresh, long[][] old, long alpha) {
    long oneMinusAlpha = Fixed.sub(Fixed.ONE, alpha);
    long[][] out = new long[fresh.length][];
    for (int i = 0; i < fresh.length; i++) {
      out[i] = new long[fresh[i].length];
      for (int j = 0; j < fresh[i].length; j++) {
        out[i][j] = Fixed.add(Fixed.mul(alpha, fresh[i][j]), Fixed.mul(oneMinusAlpha, old[i][j]));
      }
    }
    return out;
  }

  /**
   * True for the top k non-zero entries: every non-zero entry, minus the n − k smallest by an
   * ascending stable sort (so of equal values the lower index loses), as subtensor's {@code
   * is_topk_nonzero}.
   */
  static boolean[] topKNonZero(long[] x, int k) {
    int n = x.length;
    boolean[] result = new boolean[n];
    for (int i = 0; i < n; i++) {
      result[i] = x[i] != 0;
    }
    if (n < k) {
      return result;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(x[a], x[b])); // stable (TimSort)
    for (int r = 0; r < n - k; r++) {
      result[order[r]] = false;
    }
    return result;
  }

  static long[][] copy(long[][] m) {
    long[][] out = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}

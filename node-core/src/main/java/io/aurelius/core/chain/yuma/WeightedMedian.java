package io.aurelius.core.chain.yuma;

import java.util.Arrays;

/**
 * The stake-weighted median per column that gives consensus: C_j is the largest c such that
 * validators holding at least κ of the (positive, renormalized) active stake set W_ij ≥ c. This is
 * subtensor's deterministic mid-pivot search ({@code weighted_median}), run as a loop. If the
 * positive stake sums to less than κ (rounding with κ = 1), the smallest value results.
 */
final class WeightedMedian {
  private WeightedMedian() {}

  static long[] ofColumns(long[] stake, long[][] score, int cols, long majority) {
    int rows = stake.length;
    int[] used = new int[rows];
    int count = 0;
    for (int r = 0; r < rows; r++) {
      if (stake[r] > 0) {
        used[count++] = r;
      }
    }
    long[] median = new long[cols];
    if (count == 0) {
      return median;
    }
    long[] useStake = new long[count];
    for (int k = 0; k < count; k++) {
      useStake[k] = stake[used[k]];
    }
    FixedVectors.normalize(useStake);
    long stakeSum = FixedVectors.sum(useStake);
    long minority = Fixed.sub(stakeSum, majority);
    int[] all = new int[count];
    for (int k = 0; k < count; k++) {
      all[k] = k;
    }
    long[] useScore = new long[count];
    for (int c = 0; c < cols; c++) {
      for (int k = 0; k < count; k++) {
        useScore[k] = score[used[k]][c];
      }
      median[c] = of(useStake, useScore, all, minority, 0, stakeSum);
    }
    return median;
  }

  /** The median of {@code score} over the indices in {@code partition}, see the class comment. */
  static long of(long[] stake, long[] score, int[] partition, long minority, long lo, long hi) {
    int[] part = partition;
    int[] lower = new int[part.length];
    int[] upper = new int[part.length];
    while (true) {
      int n = part.length;
      if (n == 0) {
        return 0;
      }
      if (n == 1) {
        return score[part[0]];
      }
      long pivot = score[part[n / 2]];
      long loStake = 0;
      long hiStake = 0;
      int nLower = 0;
      int nUpper = 0;
      for (int idx : part) {
        if (score[idx] == pivot) {
          continue;
        }
        if (score[idx] < pivot) {
          loStake = Fixed.add(loStake, stake[idx]);
          lower[nLower++] = idx;
        } else {
          hiStake = Fixed.add(hiStake, stake[idx]);
          upper[nUpper++] = idx;
        }
      }
      long belowPivot = Fixed.add(lo, loStake);
      long upToPivot = Fixed.sub(hi, hiStake);
      if (belowPivot <= minority && minority < upToPivot) {
        return pivot;
      } else if (minority < belowPivot && nLower > 0) {
        hi = belowPivot;
        part = Arrays.copyOf(lower, nLower);
      } else if (upToPivot <= minority && nUpper > 0) {
        lo = upToPivot;
        part = Arrays.copyOf(upper, nUpper);
      } else {
        return pivot;
      }
    }
  }
}

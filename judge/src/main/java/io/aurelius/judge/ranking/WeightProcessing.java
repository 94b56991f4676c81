package io.aurelius.judge.ranking;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bittensor's set_weights processing on the SDK side (bittensor {@code weight_utils.py}: {@code
 * process_weights}, {@code normalize_max_weight}, {@code convert_weights_and_uids_for_emit};
 * docs/reference.md §1), in double precision:
 *
 * <ol>
 *   <li>no nonzero weight, or fewer neurons than {@code minAllowed}: uniform 1/n;
 *   <li>fewer nonzero weights than {@code minAllowed}: every UID gets 1e-5 added, so the row is
 *       long enough for the chain;
 *   <li>otherwise drop weights below the min(excludeQuantile/65535, (k − min)/k) quantile;
 *   <li>normalise to Σ = 1 with no weight above {@code maxWeightLimit};
 *   <li>max-upscale to 65535, round half to even, drop zeros.
 * </ol>
 */
public final class WeightProcessing {
  public static final int U16_MAX = 65535;
  private static final double EPSILON = 1e-7;

  private WeightProcessing() {}

  /** Processed weights: UIDs and their normalised weights (Σ = 1). */
  public record Processed(int[] uids, double[] weights) {}

  /**
   * @param byUid one weight per UID 0..n−1, each finite and ≥ 0
   * @param maxWeightLimit the chain's MaxWeightsLimit / 65535, in (0, 1]
   * @param excludeQuantile in 0..65535
   */
  public static Processed process(
      double[] byUid, int minAllowed, double maxWeightLimit, int excludeQuantile) {
    requireNonNull(byUid, "byUid");
    int n = byUid.length;
    if (n == 0) {
      throw new IllegalArgumentException("weights: none (expected: one per UID)");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(byUid[i]) || byUid[i] < 0) {
        throw new IllegalArgumentException(
            "weight of uid " + i + ": " + byUid[i] + " (expected: finite, >= 0)");
      }
    }
    if (minAllowed < 0
        || !(maxWeightLimit > 0 && maxWeightLimit <= 1)
        || excludeQuantile < 0
        || excludeQuantile > U16_MAX) {
      throw new IllegalArgumentException(
          "min allowed "
              + minAllowed
              + ", limit "
              + maxWeightLimit
              + ", exclude quantile "
              + excludeQuantile
              + " (expected: >= 0, (0, 1], 0..65535)");
    }
    double quantile = excludeQuantile / (double) U16_MAX;
    List<Integer> nz = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (byUid[i] > 0) {
        nz.add(i);
      }
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (nz.isEmpty() || n < minAllowed) {
      double[] w = new double[n];
      Arrays.fill(w, 1.0 / n);
      return new Processed(all, w);
    }
    if (nz.size() < minAllowed) {
      double[] w = new double[n];
      Arrays.fill(w, 1e-5);
      for (int i : nz) {
        w[i] += byUid[i];
      }
      return new Processed(all, normalizeMaxWeight(w, maxWeightLimit));
    }
    double[] nzw = nz.stream().mapToDouble(i -> byUid[i]).toArray();
    double maxExclude = Math.max(0, nz.size() - minAllowed) / (double) nz.size();
    double lowest = quantile(nzw, Math.min(quantile, maxExclude));
    List<Integer> keptUids = new ArrayList<>();
    List<Double> kept = new ArrayList<>();
    for (int k = 0; k < nz.size(); k++) {
      if (lowest <= nzw[k]) {
        keptUids.add(nz.get(k));
        kept.add(nzw[k]);
      }
    }
    return new Processed(
        keptUids.stream().mapToInt(Integer::intValue).toArray(),
        normalizeMaxWeight(
            kept.stream().mapToDouble(Double::doubleValue).toArray(), maxWeightLimit));
  }

  /** Σ = 1 and no value above {@code limit} (uniform if that is impossible). */
  public static double[] normalizeMaxWeight(double[] x, double limit) {
    int len = x.length;
    double[] weights = x.clone();
    double[] values = x.clone();
    Arrays.sort(values);
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    if (sum == 0 || len * limit <= 1) {
      double[] u = new double[len];
      Arrays.fill(u, 1.0 / len);
      return u;
    }
    double[] estimation = new double[len];
    double max = 0;
    for (int i = 0; i < len; i++) {
      estimation[i] = values[i] / sum;
      max = Math.max(max, estimation[i]);
    }
    if (max <= limit) {
      for (int i = 0; i < len; i++) {
        weights[i] /= sum;
      }
      return weights;
    }
    double[] cumsum = new double[len];
    double c = 0;
    for (int i = 0; i < len; i++) {
      c += estimation[i];
      cumsum[i] = c;
    }
    int nValues = 0;
    for (int i = 0; i < len; i++) {
      double estimationSum = (len - i - 1) * estimation[i];
      if (estimation[i] / (estimationSum + cumsum[i] + EPSILON) < limit) {
        nValues++;
      }
    }
    double cutoffScale =
        (limit * cumsum[nValues == 0 ? len - 1 : nValues - 1] - EPSILON)
            / (1 - (limit * (len - nValues)));
    double cutoff = cutoffScale * sum;
    double total = 0;
    for (int i = 0; i < len; i++) {
      if (weights[i] > cutoff) {
        weights[i] = cutoff;
      }
      total += weights[i];
    }
    for (int i = 0; i < len; i++) {
      weights[i] /= total;
    }
    return weights;
  }

  /** Max-upscale to 65535, round half to even, drop zeros. */
  public static ChainWeights emit(int[] uids, double[] weights) {
    requireNonNull(uids, "uids");
    requireNonNull(weights, "weights");
    if (uids.length != weights.length) {
      throw new IllegalArgumentException(
          "uids and weights: " + uids.length + " and " + weights.length + " (expected: equal)");
    }
    double max = 0;
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0 || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException(
            "weight of uid " + uids[i] + ": " + weights[i] + " (expected: finite, >= 0)");
      }
      if (uids[i] < 0 || uids[i] > U16_MAX) {
        throw new IllegalArgumentException("uid " + uids[i] + " (expected: 0..65535)");
      }
      max = Math.max(max, weights[i]);
      sum += weights[i];
    }
    List<Integer> outUids = new ArrayList<>();
    List<Integer> outValues = new ArrayList<>();
    if (sum == 0) {
      return new ChainWeights(outUids, outValues);
    }
    for (int i = 0; i < weights.length; i++) {
      int v = (int) Math.rint(weights[i] / max * U16_MAX);
      if (v != 0) {
        outUids.add(uids[i]);
        outValues.add(v);
      }
    }
    return new ChainWeights(outUids, outValues);
  }

  /** numpy's default (linear) quantile. */
  static double quantile(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }
}

package io.aurelius.core.chain.yuma;

import java.util.List;

/**
 * An independent, textbook reading of docs/reference.md §1 in doubles, written from the formulas
 * rather than from {@link Yuma}: consensus is found from its definition (the largest c such that
 * validators holding at least κ of S′ set W_ij ≥ c) by sorting. The fixed-point epoch must agree
 * with it to within rounding.
 */
final class DoubleYuma {
  record Out(
      double[] stake,
      double[] activeStake,
      double[] consensus,
      double[] trust,
      double[] incentive,
      double[] dividends,
      double[][] bonds) {}

  private DoubleYuma() {}

  static Out epoch(YumaInput in) {
    List<YumaNeuron> ns = in.neurons();
    int n = ns.size();
    YumaParams p = in.params();
    int owner = in.ownerUid().orElse(-1);
    double total = 0;
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = ns.get(i).stake() < p.stakeThreshold() ? 0 : ns.get(i).stake();
      total += s[i];
    }
    for (int i = 0; i < n; i++) {
      s[i] = total == 0 ? 0 : s[i] / total;
    }
    double[] sa = new double[n];
    for (int i = 0; i < n; i++) {
      boolean active = ns.get(i).lastUpdate() + p.activityCutoff() >= in.block();
      sa[i] = active && ns.get(i).validatorPermit() ? s[i] : 0;
    }
    normalize(sa);
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      YumaNeuron v = ns.get(i);
      if (!v.validatorPermit()) {
        continue;
      }
      int[] uids = v.weightUids();
      int[] vals = v.weightValues();
      for (int k = 0; k < uids.length; k++) {
        int j = uids[k];
        if (j >= n || (j == i && i != owner)) {
          continue;
        }
        long reg = ns.get(j).registeredAt();
        if (v.lastUpdate() <= reg || v.earliestPendingCommit().orElse(Long.MAX_VALUE) < reg) {
          continue;
        }
        w[i][j] = vals[k];
      }
      normalize(w[i]);
    }
    double kappa = p.kappa() / 65535.0;
    double[] c = new double[n];
    for (int j = 0; j < n; j++) {
      c[j] = consensus(sa, w, j, kappa);
    }
    double[][] clipped = new double[n][n];
    double[] trust = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        clipped[i][j] = Math.min(w[i][j], c[j]);
        trust[i] += clipped[i][j];
        r[j] += sa[i] * clipped[i][j];
      }
    }
    normalize(r);
    double beta = p.bondsPenalty() / 65535.0;
    double alpha = 1 - p.bondsMovingAverage() / 1e6;
    double[][] prev = new double[n][n];
    double[][] delta = new double[n][n];
    for (int i = 0; i < n; i++) {
      long[] row = ns.get(i).bonds();
      for (int j = 0; j < n; j++) {
        boolean recent = Math.max(0, in.block() - in.tempo()) <= ns.get(j).registeredAt();
        prev[i][j] = recent || row.length == 0 ? 0 : Fixed.toDouble(row[j]);
        delta[i][j] = (w[i][j] + beta * (clipped[i][j] - w[i][j])) * sa[i];
      }
    }
    colNormalize(prev);
    colNormalize(delta);
    double[][] b = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] = alpha * delta[i][j] + (1 - alpha) * prev[i][j];
      }
    }
    colNormalize(b);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d[i] += b[i][j] * r[j];
      }
    }
    normalize(d);
    return new Out(s, sa, c, trust, r, d, b);
  }

  private static double consensus(double[] sa, double[][] w, int j, double kappa) {
    double sum = 0;
    for (double x : sa) {
      sum += x;
    }
    if (sum == 0) {
      return 0;
    }
    double best = Double.NaN;
    double min = Double.POSITIVE_INFINITY;
    for (int cand = 0; cand < sa.length; cand++) {
      if (sa[cand] <= 0) {
        continue;
      }
      double c = w[cand][j];
      min = Math.min(min, c);
      double holding = 0;
      for (int i = 0; i < sa.length; i++) {
        if (sa[i] > 0 && w[i][j] >= c) {
          holding += sa[i] / sum;
        }
      }
      if (holding >= kappa && (Double.isNaN(best) || c > best)) {
        best = c;
      }
    }
    return Double.isNaN(best) ? min : best;
  }

  private static void normalize(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    if (sum > 0) {
      for (int i = 0; i < x.length; i++) {
        x[i] /= sum;
      }
    }
  }

  private static void colNormalize(double[][] m) {
    int n = m.length;
    for (int j = 0; j < n; j++) {
      double sum = 0;
      for (double[] row : m) {
        sum += row[j];
      }
      if (sum > 0) {
        for (double[] row : m) {
          row[j] /= sum;
        }
      }
    }
  }
}

package io.aurelius.judge.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Area under the ROC curve of a score for GOOD against BAD items, P(score_good > score_bad) with
 * ties counted half, and a percentile bootstrap interval (GOOD and BAD resampled separately, so
 * every resample has both; fixed seed, so the interval is reproducible).
 *
 * @param value the AUC on the items as given; 0.5 when either side is empty
 * @param low the 2.5th percentile of the bootstrap AUCs
 * @param high the 97.5th percentile of the bootstrap AUCs
 */
public record Auc(double value, double low, double high) {
  public static final int RESAMPLES = 1000;
  public static final long SEED = 20_260_513L;

  public static Auc of(List<Double> good, List<Double> bad) {
    requireNonNull(good, "good");
    requireNonNull(bad, "bad");
    double[] g = good.stream().mapToDouble(Double::doubleValue).toArray();
    double[] b = bad.stream().mapToDouble(Double::doubleValue).toArray();
    double value = value(g, b);
    if (g.length == 0 || b.length == 0) {
      return new Auc(value, value, value);
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] boot = new double[RESAMPLES];
    double[] rg = new double[g.length];
    double[] rb = new double[b.length];
    for (int i = 0; i < RESAMPLES; i++) {
      for (int k = 0; k < g.length; k++) {
        rg[k] = g[random.nextInt(g.length)];
      }
      for (int k = 0; k < b.length; k++) {
        rb[k] = b[random.nextInt(b.length)];
      }
      boot[i] = value(rg, rb);
    }
    Arrays.sort(boot);
    return new Auc(value, boot[(int) (0.025 * RESAMPLES)], boot[(int) (0.975 * RESAMPLES) - 1]);
  }

  static double value(double[] good, double[] bad) {
    if (good.length == 0 || bad.length == 0) {
      return 0.5;
    }
    double wins = 0;
    for (double x : good) {
      for (double y : bad) {
        wins += x > y ? 1 : x == y ? 0.5 : 0;
      }
    }
    return wins / ((double) good.length * bad.length);
  }
}

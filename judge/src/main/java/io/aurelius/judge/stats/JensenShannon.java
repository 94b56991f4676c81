package io.aurelius.judge.stats;

import java.util.Map;
import java.util.TreeSet;

/** The Jensen–Shannon divergence (base 2, in [0, 1]) and its square root, a metric. */
public final class JensenShannon {
  private JensenShannon() {}

  /**
   * The distance √JSD between two distributions given as counts (or weights) per outcome; outcomes
   * missing from one side count 0. Two empty distributions are at distance 0; one empty and one
   * not, at distance 1.
   */
  public static double distance(Map<String, ? extends Number> p, Map<String, ? extends Number> q) {
    return Math.sqrt(divergence(p, q));
  }

  public static double divergence(
      Map<String, ? extends Number> p, Map<String, ? extends Number> q) {
    double sp = total(p);
    double sq = total(q);
    if (sp == 0 && sq == 0) {
      return 0;
    }
    if (sp == 0 || sq == 0) {
      return 1;
    }
    TreeSet<String> keys = new TreeSet<>(p.keySet());
    keys.addAll(q.keySet());
    double js = 0;
    for (String k : keys) {
      double a = value(p, k) / sp;
      double b = value(q, k) / sq;
      double m = (a + b) / 2;
      if (a > 0) {
        js += 0.5 * a * log2(a / m);
      }
      if (b > 0) {
        js += 0.5 * b * log2(b / m);
      }
    }
    return Math.max(0, Math.min(1, js));
  }

  private static double total(Map<String, ? extends Number> d) {
    double s = 0;
    for (Number n : d.values()) {
      double v = n.doubleValue();
      if (v < 0 || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "distribution: count " + v + " (expected: finite, >= 0)");
      }
      s += v;
    }
    return s;
  }

  private static double value(Map<String, ? extends Number> d, String k) {
    Number n = d.get(k);
    return n == null ? 0 : n.doubleValue();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}

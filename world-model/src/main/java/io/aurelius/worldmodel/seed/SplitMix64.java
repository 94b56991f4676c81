package io.aurelius.worldmodel.seed;

import java.util.List;

/**
 * SplitMix64, written out so random choices are specified by this code and not by a JDK class: the
 * same seed gives the same stream on every JVM and every node.
 */
public final class SplitMix64 {
  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound: " + bound + " (expected: > 0)");
    }
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  public boolean chance(double p) {
    return nextDouble() < p;
  }

  public <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  /** A standard normal deviate (Box–Muller). */
  public double nextGaussian() {
    double u1 = Math.max(nextDouble(), 1e-300);
    double u2 = nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Fisher–Yates shuffle of a copy. */
  public <T> List<T> shuffled(List<T> items) {
    List<T> out = new java.util.ArrayList<>(items);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      T t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }
}

package io.aurelius.worldmodel.sim;

import io.aurelius.core.hash.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SplitMix64, written out so the sim model's choices are specified here and not by a JDK
 * class: the same seed gives the same stream on every JVM.
 */
final class SimRandom {
  private long state;

  SimRandom(long seed) {
    this.state = seed;
  }

  /** A generator seeded from the SHA-256 of a seed and some texts. */
  static SimRandom of(long seed, List<String> parts) {
    StringBuilder b = new StringBuilder().append(seed);
    for (String p : parts) {
      b.append('\u0000').append(p);
    }
    byte[] digest = Sha256.digest(b.toString().getBytes(StandardCharsets.UTF_8));
    return new SimRandom(ByteBuffer.wrap(digest).getLong());
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound: " + bound + " (expected: > 0)");
    }
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  /** A standard normal deviate (Box–Muller). */
  double nextGaussian() {
    double u1 = Math.max(nextDouble(), 1e-300);
    double u2 = nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

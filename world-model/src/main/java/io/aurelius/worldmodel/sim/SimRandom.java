package io.aurelius.worldmodel.sim;

import io.aurelius.worldmodel.seed.SplitMix64;
import java.util.List;

/** The sim model's generator: SplitMix64 seeded from a seed and the request's texts. */
final class SimRandom {
  private final SplitMix64 random;

  private SimRandom(SplitMix64 random) {
    this.random = random;
  }

  static SimRandom of(long seed, List<String> parts) {
    return new SimRandom(
        io.aurelius.worldmodel.seed.Seeds.random(seed, parts.toArray(String[]::new)));
  }

  long nextLong() {
    return random.nextLong();
  }

  double nextDouble() {
    return random.nextDouble();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(double p) {
    return random.chance(p);
  }

  <T> T pick(List<T> items) {
    return random.pick(items);
  }

  double nextGaussian() {
    return random.nextGaussian();
  }
}

package io.aurelius.core.chain.yuma;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Times {@link Yuma#epoch} on a full default subnet (256 UIDs, 128 validators with permits and
 * dense weights, bonds from a previous epoch), for {@code aurelius bench protocol}. The baseline
 * measured in the same run is one dense I32F32 matrix-vector product of the same size, so the ratio
 * says how many such products one epoch costs. Never used as a pass/fail gate.
 */
public final class YumaBenchmark {
  public static final int DEFAULT_UIDS = 256;
  public static final int DEFAULT_VALIDATORS = 128;

  /**
   * @param uids UIDs in the subnet
   * @param validators UIDs with a permit and a full weight row
   * @param epochs timed epochs
   * @param epochNanosMedian median wall time of one epoch
   * @param epochNanosMin fastest epoch
   * @param baselineNanosMedian median wall time of one n×n fixed-point matrix-vector product
   */
  public record Result(
      int uids,
      int validators,
      int epochs,
      long epochNanosMedian,
      long epochNanosMin,
      long baselineNanosMedian) {
    public double epochMillis() {
      return epochNanosMedian / 1e6;
    }

    /** How many baseline matrix-vector products one epoch costs. */
    public double ratioToBaseline() {
      return baselineNanosMedian == 0 ? 0 : (double) epochNanosMedian / baselineNanosMedian;
    }
  }

  private YumaBenchmark() {}

  /** 256 UIDs, 128 validators, 5 warm-up and 30 timed epochs. */
  public static Result run() {
    return run(DEFAULT_UIDS, DEFAULT_VALIDATORS, 5, 30);
  }

  public static Result run(int uids, int validators, int warmup, int epochs) {
    if (uids < 2 || validators < 1 || validators > uids || warmup < 0 || epochs < 1) {
      throw new IllegalArgumentException(
          "uids "
              + uids
              + ", validators "
              + validators
              + ", warmup "
              + warmup
              + ", epochs "
              + epochs
              + " (expected: uids >= 2, 1 <= validators <= uids, epochs >= 1)");
    }
    YumaInput input = input(uids, validators, 42);
    long[][] matrix = new long[uids][uids];
    long[] vector = new long[uids];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < uids; i++) {
      vector[i] = random.nextLong(Fixed.ONE);
      for (int j = 0; j < uids; j++) {
        matrix[i][j] = random.nextLong(Fixed.ONE);
      }
    }
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += Yuma.epoch(input).totalEmission();
      sink += FixedVectors.matmul(matrix, vector, uids)[0];
    }
    long[] epochTimes = new long[epochs];
    long[] baselineTimes = new long[epochs];
    for (int i = 0; i < epochs; i++) {
      long t0 = System.nanoTime();
      sink += Yuma.epoch(input).totalEmission();
      long t1 = System.nanoTime();
      sink += FixedVectors.matmul(matrix, vector, uids)[0];
      long t2 = System.nanoTime();
      epochTimes[i] = t1 - t0;
      baselineTimes[i] = t2 - t1;
    }
    if (sink == 42) {
      System.out.print(""); // keeps the results observable to the JIT
    }
    java.util.Arrays.sort(epochTimes);
    java.util.Arrays.sort(baselineTimes);
    return new Result(
        uids, validators, epochs, epochTimes[epochs / 2], epochTimes[0], baselineTimes[epochs / 2]);
  }

  /** A reproducible full subnet: validators first, each weighting every other UID. */
  static YumaInput input(int uids, int validators, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<YumaNeuron> neurons = new ArrayList<>(uids);
    for (int i = 0; i < uids; i++) {
      boolean validator = i < validators;
      long stake = validator ? 1_000 + random.nextLong(1_000_000) : random.nextLong(100);
      YumaNeuron neuron =
          new YumaNeuron(
              stake,
              1_000,
              0,
              validator,
              OptionalLong.empty(),
              new int[0],
              new int[0],
              new long[0]);
      if (validator) {
        int[] targets = new int[uids];
        int[] values = new int[uids];
        long[] bonds = new long[uids];
        for (int j = 0; j < uids; j++) {
          targets[j] = j;
          values[j] = random.nextInt(65536);
          bonds[j] = random.nextLong(Fixed.ONE / validators);
        }
        neuron = neuron.withWeights(targets, values).withBonds(bonds);
      }
      neurons.add(neuron);
    }
    return new YumaInput(
        1_100, 360, YumaParams.DEFAULTS, OptionalInt.empty(), neurons, 1_000_000_000L);
  }
}

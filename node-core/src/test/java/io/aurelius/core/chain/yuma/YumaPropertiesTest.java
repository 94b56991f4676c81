package io.aurelius.core.chain.yuma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Properties of {@link Yuma#epoch} over many reproducible random subnets. */
class YumaPropertiesTest {
  private static final int CASES = 300;

  @Test
  void agreesWithTheTextbookDoubleImplementation() {
    SplittableRandom random = new SplittableRandom(11);
    for (int c = 0; c < CASES; c++) {
      YumaInput in = randomSubnet(random);
      YumaOutput fixed = Yuma.epoch(in);
      DoubleYuma.Out reference = DoubleYuma.epoch(in);
      for (int i = 0; i < in.neurons().size(); i++) {
        String at = "case " + c + " uid " + i;
        YumaResult r = fixed.uid(i);
        assertThat(Fixed.toDouble(r.stake())).as(at).isCloseTo(reference.stake()[i], within(1e-8));
        assertThat(Fixed.toDouble(r.activeStake()))
            .as(at)
            .isCloseTo(reference.activeStake()[i], within(1e-8));
        assertThat(Fixed.toDouble(r.consensus()))
            .as(at + " C")
            .isCloseTo(reference.consensus()[i], within(1e-6));
        assertThat(Fixed.toDouble(r.validatorTrust()))
            .as(at + " Tv")
            .isCloseTo(reference.trust()[i], within(1e-6));
        assertThat(Fixed.toDouble(r.incentive()))
            .as(at + " I")
            .isCloseTo(reference.incentive()[i], within(1e-6));
        assertThat(Fixed.toDouble(r.dividends()))
            .as(at + " D")
            .isCloseTo(reference.dividends()[i], within(1e-6));
        if (r.validatorPermit()) {
          long[] bonds = r.bonds();
          for (int j = 0; j < bonds.length; j++) {
            assertThat(Fixed.toDouble(bonds[j]))
                .as(at + " B" + j)
                .isCloseTo(reference.bonds()[i][j], within(1e-6));
          }
        } else {
          assertThat(r.bonds()).as(at).isEmpty();
        }
      }
    }
  }

  @Test
  void incentiveAndDividendsEachSumToOneWhenNonZero() {
    SplittableRandom random = new SplittableRandom(12);
    int nonZero = 0;
    for (int c = 0; c < CASES; c++) {
      YumaInput in = randomSubnet(random);
      YumaOutput out = Yuma.epoch(in);
      int n = in.neurons().size();
      double ulps = n * Math.pow(2, -32) * 2;
      long incentive = out.neurons().stream().mapToLong(YumaResult::incentive).sum();
      long dividends = out.neurons().stream().mapToLong(YumaResult::dividends).sum();
      if (incentive != 0) {
        nonZero++;
        assertThat(Fixed.toDouble(incentive)).as("case %d", c).isCloseTo(1.0, within(ulps));
        assertThat(incentive).isLessThanOrEqualTo(Fixed.ONE);
      }
      if (dividends != 0) {
        assertThat(Fixed.toDouble(dividends)).as("case %d", c).isCloseTo(1.0, within(ulps));
      }
      assertThat(out.totalEmission()).isLessThanOrEqualTo(in.emission());
      if (out.neurons().stream().allMatch(r -> r.stake() == 0)) {
        assertThat(out.totalEmission()).as("nobody to pay").isZero();
        continue;
      }
      // Floors lose at most a few ulps (2^-32) of E per UID, plus one unit per amount.
      long slack = (long) Math.ceil(in.emission() * 8.0 * n / Math.pow(2, 32)) + 2L * n;
      assertThat(out.totalEmission())
          .as("case %d", c)
          .isGreaterThanOrEqualTo(in.emission() - slack);
    }
    assertThat(nonZero).isGreaterThan(CASES / 3); // the generator must exercise the property
  }

  @Test
  void weightsOfPermitlessValidatorsHaveNoEffect() {
    SplittableRandom random = new SplittableRandom(13);
    int exercised = 0;
    for (int c = 0; c < CASES; c++) {
      YumaInput in = randomSubnet(random);
      for (int i = 0; i < in.neurons().size(); i++) {
        if (in.neurons().get(i).validatorPermit()) {
          continue;
        }
        YumaInput changed = withRandomWeights(in, i, random);
        assertThat(Yuma.epoch(changed)).as("case %d uid %d", c, i).isEqualTo(Yuma.epoch(in));
        exercised++;
        break;
      }
    }
    assertThat(exercised).isGreaterThan(CASES / 2);
  }

  @Test
  void weightsOfInactiveValidatorsChangeNothingButTheirOwnTrust() {
    SplittableRandom random = new SplittableRandom(14);
    int exercised = 0;
    for (int c = 0; c < CASES; c++) {
      YumaInput in = randomSubnet(random);
      for (int i = 0; i < in.neurons().size(); i++) {
        YumaNeuron v = in.neurons().get(i);
        boolean inactive = v.lastUpdate() + in.params().activityCutoff() < in.block();
        if (!v.validatorPermit() || !inactive) {
          continue;
        }
        YumaOutput before = Yuma.epoch(in);
        YumaOutput after = Yuma.epoch(withRandomWeights(in, i, random));
        for (int k = 0; k < in.neurons().size(); k++) {
          YumaResult a = before.uid(k);
          YumaResult b = after.uid(k);
          if (k == i) {
            b =
                new YumaResult(
                    b.stake(),
                    b.active(),
                    b.validatorPermit(),
                    b.activeStake(),
                    b.consensus(),
                    a.validatorTrust(),
                    b.incentive(),
                    b.dividends(),
                    b.serverEmission(),
                    b.validatorEmission(),
                    b.bonds());
          }
          assertThat(b).as("case %d uid %d changed %d", c, k, i).isEqualTo(a);
        }
        exercised++;
        break;
      }
    }
    assertThat(exercised).isGreaterThan(CASES / 10);
  }

  @Test
  void identicalAcrossRunsAndThreads() throws Exception {
    SplittableRandom random = new SplittableRandom(15);
    List<YumaInput> inputs = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      inputs.add(randomSubnet(random));
    }
    inputs.add(YumaBenchmark.input(64, 32, 3));
    List<YumaOutput> first = inputs.stream().map(Yuma::epoch).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<YumaOutput>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> inputs.stream().map(Yuma::epoch).toList()));
      }
      for (Future<List<YumaOutput>> run : runs) {
        assertThat(run.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void consensusIsTheLargestValueHeldByAKappaMajority() {
    SplittableRandom random = new SplittableRandom(16);
    for (int c = 0; c < 2_000; c++) {
      int n = 1 + random.nextInt(12);
      long[] stake = new long[n];
      long[] score = new long[n];
      for (int i = 0; i < n; i++) {
        stake[i] = random.nextInt(4) == 0 ? 0 : random.nextLong(Fixed.ONE);
        score[i] = random.nextInt(5) * (Fixed.ONE / 4); // many ties
      }
      long kappa = random.nextLong(Fixed.ONE + 1);
      long[][] column = new long[n][1];
      for (int i = 0; i < n; i++) {
        column[i][0] = score[i];
      }
      long median = WeightedMedian.ofColumns(stake, column, 1, kappa)[0];
      assertThat(median).as("case %d", c).isEqualTo(bruteForce(stake, score, kappa));
    }
  }

  /** The definition, over the same normalized fixed-point stake the median uses. */
  private static long bruteForce(long[] stake, long[] score, long kappa) {
    List<Integer> used = new ArrayList<>();
    for (int i = 0; i < stake.length; i++) {
      if (stake[i] > 0) {
        used.add(i);
      }
    }
    if (used.isEmpty()) {
      return 0;
    }
    long[] s = used.stream().mapToLong(i -> stake[i]).toArray();
    FixedVectors.normalize(s);
    long best = -1;
    long min = Long.MAX_VALUE;
    for (int a = 0; a < s.length; a++) {
      long c = score[used.get(a)];
      min = Math.min(min, c);
      long holding = 0;
      for (int b = 0; b < s.length; b++) {
        if (score[used.get(b)] >= c) {
          holding += s[b];
        }
      }
      if (holding >= kappa && c > best) {
        best = c;
      }
    }
    return best < 0 ? min : best;
  }

  private static YumaInput withRandomWeights(YumaInput in, int uid, SplittableRandom random) {
    List<YumaNeuron> neurons = new ArrayList<>(in.neurons());
    int n = neurons.size();
    int[] uids = new int[n];
    int[] values = new int[n];
    for (int j = 0; j < n; j++) {
      uids[j] = j;
      values[j] = random.nextInt(65536);
    }
    neurons.set(uid, neurons.get(uid).withWeights(uids, values));
    return new YumaInput(
        in.block(), in.tempo(), in.params(), in.ownerUid(), neurons, in.emission());
  }

  /** A random subnet: mixed stakes, permits, activity, registrations, weights and bonds. */
  static YumaInput randomSubnet(SplittableRandom random) {
    int n = 2 + random.nextInt(14);
    long block = 1_000 + random.nextInt(1_000);
    long tempo = 1 + random.nextInt(200);
    List<YumaNeuron> neurons = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long stake = random.nextInt(5) == 0 ? 0 : random.nextLong(1_000_000_000L);
      long registeredAt = random.nextInt(3) == 0 ? random.nextLong(block) : random.nextLong(50);
      long lastUpdate = registeredAt + random.nextLong(block - registeredAt + 1);
      boolean permit = random.nextInt(3) != 0;
      OptionalLong commit =
          random.nextInt(6) == 0 ? OptionalLong.of(random.nextLong(block)) : OptionalLong.empty();
      int count = random.nextInt(n + 1);
      int[] uids = new int[count];
      int[] values = new int[count];
      for (int k = 0; k < count; k++) {
        uids[k] = (k * 7 + i) % n; // distinct as k < n when gcd(7, n) = 1; duplicates are fine too
        values[k] = random.nextInt(4) == 0 ? 0 : random.nextInt(65536);
      }
      long[] bonds = new long[0];
      if (permit && random.nextBoolean()) {
        bonds = new long[n];
        for (int j = 0; j < n; j++) {
          bonds[j] = random.nextInt(3) == 0 ? 0 : random.nextLong(Fixed.ONE);
        }
      }
      neurons.add(
          new YumaNeuron(stake, lastUpdate, registeredAt, permit, commit, uids, values, bonds));
    }
    int kappa = random.nextInt(4) == 0 ? random.nextInt(65536) : 32767;
    int penalty = random.nextInt(3) == 0 ? random.nextInt(65536) : 65535;
    long cutoff = random.nextInt(3) == 0 ? random.nextInt(1_000) : 5_000;
    YumaParams params =
        new YumaParams(
            kappa,
            penalty,
            900_000,
            1 + random.nextInt(n + 2),
            cutoff,
            random.nextInt(5) == 0 ? 100_000_000L : 0);
    OptionalInt owner =
        random.nextInt(4) == 0 ? OptionalInt.of(random.nextInt(n)) : OptionalInt.empty();
    return new YumaInput(block, tempo, params, owner, neurons, random.nextLong(1L << 40));
  }
}

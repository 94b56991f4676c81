package io.aurelius.core.chain.yuma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked epochs. Two validators (UID 0 with 600 stake, UID 1 with 400) and three miners (UIDs
 * 2–4). V0 weights the miners 0.5/0.3/0.2; V1 disagrees with 0.1/0.1/0.8. By hand, with κ ≈ 0.5: C
 * = (0.5, 0.3, 0.2) (the stake-majority value per miner), V1's weights clip to (0.1, 0.1, 0.2) so
 * Tv = (1.0, 0.4); R = (0.34, 0.22, 0.20), I = R/0.76; in the first epoch D_i = S′_i·Tv_i/ΣR =
 * (0.6/0.76, 0.16/0.76).
 */
class YumaTest {
  private static final Offset<Double> EPS = within(1e-6);
  private static final int[] MINERS = {2, 3, 4};

  @Test
  void disagreeingValidatorIsClippedAndEarnsLessThanItsStake() {
    YumaOutput out =
        Yuma.epoch(
            subnet(
                new int[] {5000, 3000, 2000},
                new int[] {1000, 1000, 8000},
                new long[0][],
                20,
                1_000_000));

    assertThat(value(out.uid(2).consensus())).isCloseTo(0.5, EPS);
    assertThat(value(out.uid(3).consensus())).isCloseTo(0.3, EPS);
    assertThat(value(out.uid(4).consensus())).isCloseTo(0.2, EPS);
    assertThat(value(out.uid(0).validatorTrust())).isCloseTo(1.0, EPS);
    assertThat(value(out.uid(1).validatorTrust())).isCloseTo(0.4, EPS);
    assertThat(value(out.uid(2).incentive())).isCloseTo(0.34 / 0.76, EPS);
    assertThat(value(out.uid(3).incentive())).isCloseTo(0.22 / 0.76, EPS);
    assertThat(value(out.uid(4).incentive())).isCloseTo(0.20 / 0.76, EPS);
    assertThat(value(out.uid(0).dividends())).isCloseTo(0.60 / 0.76, EPS);
    assertThat(value(out.uid(1).dividends())).isCloseTo(0.16 / 0.76, EPS);
    // Its dividend share (21%) is well below its stake share (40%).
    assertThat(value(out.uid(1).dividends())).isLessThan(value(out.uid(1).activeStake()) - 0.15);

    // Emission: Σ(I+D) = 2, so miners share half of E by incentive and validators half by
    // dividends.
    assertThat(out.uid(2).serverEmission())
        .isCloseTo(Math.round(500_000 * 0.34 / 0.76), within(2L));
    assertThat(out.uid(0).validatorEmission())
        .isCloseTo(Math.round(500_000 * 0.60 / 0.76), within(2L));
    assertThat(out.uid(1).validatorEmission())
        .isCloseTo(Math.round(500_000 * 0.16 / 0.76), within(2L));
    assertThat(out.uid(0).serverEmission()).isZero();
    assertThat(out.totalEmission()).isBetween(1_000_000L - 10, 1_000_000L);

    // First-epoch bonds are ΔB column-normalized: V0 holds 0.30/0.34 of miner 2.
    assertThat(value(out.uid(0).bonds()[2])).isCloseTo(0.30 / 0.34, EPS);
    assertThat(value(out.uid(1).bonds()[4])).isCloseTo(0.08 / 0.20, EPS);
  }

  @Test
  void agreeingValidatorKeepsFullTrustAndDividendsProportionalToStake() {
    YumaOutput out =
        Yuma.epoch(
            subnet(
                new int[] {5000, 3000, 2000},
                new int[] {5000, 3000, 2000},
                new long[0][],
                20,
                1_000_000));
    assertThat(value(out.uid(1).validatorTrust())).isCloseTo(1.0, EPS);
    assertThat(value(out.uid(0).dividends())).isCloseTo(0.6, EPS);
    assertThat(value(out.uid(1).dividends())).isCloseTo(0.4, EPS);
    assertThat(value(out.uid(2).incentive())).isCloseTo(0.5, EPS);
  }

  @Test
  void bondsMoveTowardTheNewEpochByAlphaPointOne() {
    YumaOutput first =
        Yuma.epoch(
            subnet(
                new int[] {5000, 3000, 2000}, new int[] {1000, 1000, 8000}, new long[0][], 20, 0));
    long[][] bonds = {
      first.uid(0).bonds(), first.uid(1).bonds(), new long[0], new long[0], new long[0]
    };

    // V1 now agrees; ΔB per column is (0.6, 0.4), so B = 0.1·(0.6, 0.4) + 0.9·B_prev.
    YumaOutput second =
        Yuma.epoch(
            subnet(new int[] {5000, 3000, 2000}, new int[] {5000, 3000, 2000}, bonds, 40, 0));
    assertThat(value(second.uid(0).bonds()[2])).isCloseTo(0.06 + 0.9 * 0.30 / 0.34, EPS);
    assertThat(value(second.uid(1).bonds()[2])).isCloseTo(0.04 + 0.9 * 0.04 / 0.34, EPS);
    assertThat(value(second.uid(0).bonds()[3])).isCloseTo(0.06 + 0.9 * 0.18 / 0.22, EPS);
    assertThat(value(second.uid(0).bonds()[4])).isCloseTo(0.6, EPS);
    // Dividends still lag stake because V1's bonds from its disagreeing epoch persist.
    double d0 = (0.06 + 0.9 * 0.30 / 0.34) * 0.5 + (0.06 + 0.9 * 0.18 / 0.22) * 0.3 + 0.6 * 0.2;
    assertThat(value(second.uid(0).dividends())).isCloseTo(d0, EPS);
    assertThat(value(second.uid(1).dividends())).isCloseTo(1 - d0, EPS);
  }

  @Test
  void withoutAnyWeightsValidatorsArePaidByActiveStake() {
    List<YumaNeuron> neurons = new ArrayList<>();
    neurons.add(YumaNeuron.of(300, 10, 0, true));
    neurons.add(YumaNeuron.of(100, 10, 0, true));
    neurons.add(YumaNeuron.of(600, 10, 0, false)); // no permit: not in S′
    YumaOutput out =
        Yuma.epoch(new YumaInput(20, 10, YumaParams.DEFAULTS, OptionalInt.empty(), neurons, 1_000));
    // Shares are floored at every step, so amounts may fall a unit short, never over.
    assertThat(out.uid(0).validatorEmission()).isBetween(749L, 750L);
    assertThat(out.uid(1).validatorEmission()).isBetween(249L, 250L);
    assertThat(out.uid(2).emission()).isZero();
    assertThat(out.uid(2).validatorPermit())
        .isTrue(); // the top-k stake earns a permit for next epoch
  }

  @Test
  void weightsToAUidRegisteredAfterTheLastUpdateAreMasked() {
    List<YumaNeuron> neurons = new ArrayList<>();
    neurons.add(
        YumaNeuron.of(1000, 10, 0, true).withWeights(new int[] {1, 2}, new int[] {65535, 65535}));
    neurons.add(YumaNeuron.of(0, 10, 0, false));
    neurons.add(YumaNeuron.of(0, 15, 15, false)); // registered after V0's weights
    YumaOutput out =
        Yuma.epoch(new YumaInput(20, 100, YumaParams.DEFAULTS, OptionalInt.empty(), neurons, 0));
    assertThat(value(out.uid(1).incentive())).isCloseTo(1.0, EPS);
    assertThat(out.uid(2).incentive()).isZero();
  }

  @Test
  void pendingCommitOlderThanARegistrationMasksThatColumn() {
    List<YumaNeuron> neurons = new ArrayList<>();
    neurons.add(
        new YumaNeuron(
            1000,
            18,
            0,
            true,
            OptionalLong.of(12),
            new int[] {1, 2},
            new int[] {65535, 65535},
            new long[0]));
    neurons.add(YumaNeuron.of(0, 10, 0, false));
    neurons.add(YumaNeuron.of(0, 15, 15, false));
    YumaOutput out =
        Yuma.epoch(new YumaInput(20, 100, YumaParams.DEFAULTS, OptionalInt.empty(), neurons, 0));
    assertThat(out.uid(2).incentive()).isZero();
    assertThat(value(out.uid(1).incentive())).isCloseTo(1.0, EPS);
  }

  @Test
  void selfWeightCountsOnlyForTheOwner() {
    List<YumaNeuron> neurons = new ArrayList<>();
    neurons.add(
        YumaNeuron.of(500, 10, 0, true).withWeights(new int[] {0, 2}, new int[] {65535, 65535}));
    neurons.add(
        YumaNeuron.of(500, 10, 0, true).withWeights(new int[] {1, 2}, new int[] {65535, 65535}));
    neurons.add(YumaNeuron.of(0, 10, 0, false));
    YumaOutput noOwner =
        Yuma.epoch(new YumaInput(20, 100, YumaParams.DEFAULTS, OptionalInt.empty(), neurons, 0));
    assertThat(value(noOwner.uid(2).incentive())).isCloseTo(1.0, EPS);
    YumaOutput owner0 =
        Yuma.epoch(new YumaInput(20, 100, YumaParams.DEFAULTS, OptionalInt.of(0), neurons, 0));
    // Owner UID 0 keeps half its row on itself; UID 1's self-weight is still dropped.
    assertThat(value(owner0.uid(0).incentive())).isGreaterThan(0);
    assertThat(owner0.uid(1).incentive()).isZero();
  }

  @Test
  void permitsGoToTheTopKNonZeroStakesWithLowerUidsLosingTies() {
    List<YumaNeuron> neurons = new ArrayList<>();
    long[] stakes = {50, 100, 100, 0, 70};
    for (long s : stakes) {
      neurons.add(YumaNeuron.of(s, 10, 0, false));
    }
    YumaParams two = new YumaParams(32767, 65535, 900_000, 2, 5000, 0);
    YumaOutput out = Yuma.epoch(new YumaInput(20, 100, two, OptionalInt.of(3), neurons, 0));
    assertThat(out.neurons())
        .extracting(YumaResult::validatorPermit)
        .containsExactly(false, true, true, true, false); // UID 3 is the owner
  }

  @Test
  void inactiveValidatorsHoldNoActiveStake() {
    List<YumaNeuron> neurons = new ArrayList<>();
    neurons.add(YumaNeuron.of(500, 10, 0, true));
    neurons.add(YumaNeuron.of(500, 10, 0, true));
    YumaParams cutoff = new YumaParams(32767, 65535, 900_000, 128, 100, 0);
    YumaOutput out = Yuma.epoch(new YumaInput(111, 100, cutoff, OptionalInt.empty(), neurons, 0));
    assertThat(out.uid(0).active()).isFalse(); // 10 + 100 < 111
    assertThat(out.uid(0).activeStake()).isZero();
    YumaOutput edge = Yuma.epoch(new YumaInput(110, 100, cutoff, OptionalInt.empty(), neurons, 0));
    assertThat(edge.uid(0).active()).isTrue();
  }

  /** Five UIDs at block {@code block}: two validators with the given miner weights. */
  static YumaInput subnet(int[] v0, int[] v1, long[][] bonds, long block, long emission) {
    List<YumaNeuron> neurons = new ArrayList<>();
    neurons.add(YumaNeuron.of(600, block - 5, 0, true).withWeights(MINERS, v0));
    neurons.add(YumaNeuron.of(400, block - 5, 0, true).withWeights(MINERS, v1));
    for (int j = 0; j < 3; j++) {
      neurons.add(YumaNeuron.of(0, 0, 0, false));
    }
    for (int i = 0; i < bonds.length; i++) {
      if (bonds[i].length > 0) {
        neurons.set(i, neurons.get(i).withBonds(bonds[i]));
      }
    }
    return new YumaInput(block, 10, YumaParams.DEFAULTS, OptionalInt.empty(), neurons, emission);
  }

  static double value(long raw) {
    return Fixed.toDouble(raw);
  }
}

package io.aurelius.core.chain.yuma;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Yuma consensus, one epoch, as a pure function (docs/reference.md §1, classic bonds; Yuma3 and
 * liquid alpha are off). It follows subtensor's {@code run_epoch.rs} step by step, in I32F32
 * ({@link Fixed}), so the same input gives bit-identical output on every node.
 *
 * <ol>
 *   <li>Active: {@code last_update + activity_cutoff ≥ block}.
 *   <li>Stake: amounts below the threshold count as zero; S = floor(stake · 2^32 / Σ stake).
 *   <li>Permits for the next epoch: the top {@code maxAllowedValidators} by non-zero S, and the
 *       owner.
 *   <li>Active stake S′ = S · active · previous permit, renormalized.
 *   <li>Weights: rows of UIDs without a (previous) permit dropped; the diagonal dropped except the
 *       owner's; W_ij dropped when {@code last_update_i ≤ registered_at_j} or i's oldest pending
 *       commit predates j's registration; then each row normalized.
 *   <li>Consensus C: {@link WeightedMedian} with κ = kappa/65535 over S′.
 *   <li>Clip W̄_ij = min(W_ij, C_j); validator trust Tv_i = Σ_j W̄_ij.
 *   <li>Incentive I = normalize(Σ_i S′_i · W̄_ij).
 *   <li>Bond weights W^b = W + β(W̄ − W), β = bondsPenalty/65535.
 *   <li>Bonds: previous bonds with the columns of UIDs registered within the last tempo zeroed,
 *       column-normalized; ΔB = W^b ∘ S′ column-normalized; B = α·ΔB + (1−α)·B_prev,
 *       column-normalized, α = 1 − bondsMovingAverage/10^6; D = normalize(B^T · I). The new row is
 *       kept only for UIDs that hold a permit for the next epoch.
 *   <li>Emission: a miner gets I_j/Σ(I+D)·E, a validator D_i/Σ(I+D)·E (floored); if Σ(I+D) = 0
 *       validators are paid by S′ (or by S if S′ is zero).
 * </ol>
 */
public final class Yuma {
  private static final long U16_MAX = 65535;

  private Yuma() {}

  public static YumaOutput epoch(YumaInput input) {
    requireNonNull(input, "input");
    YumaParams params = input.params();
    List<YumaNeuron> neurons = input.neurons();
    int n = neurons.size();
    if (n == 0) {
      return new YumaOutput(List.of());
    }
    long block = input.block();
    int owner = input.ownerUid().orElse(-1);

    // 1. Active.
    boolean[] active = new boolean[n];
    boolean[] inactive = new boolean[n];
    for (int i = 0; i < n; i++) {
      inactive[i] = saturatingAdd(neurons.get(i).lastUpdate(), params.activityCutoff()) < block;
      active[i] = !inactive[i];
    }

    // 2. Stake.
    long[] stake = normalizedStake(neurons, params.stakeThreshold());

    // 3. Permits (for the next epoch); the previous ones gate this epoch.
    boolean[] previousPermit = new boolean[n];
    boolean[] forbidden = new boolean[n];
    for (int i = 0; i < n; i++) {
      previousPermit[i] = neurons.get(i).validatorPermit();
      forbidden[i] = !previousPermit[i];
    }
    boolean[] newPermit = FixedVectors.topKNonZero(stake, params.maxAllowedValidators());
    if (owner >= 0) {
      newPermit[owner] = true;
    }

    // 4. Active stake.
    long[] activeStake = stake.clone();
    FixedVectors.maskWhere(inactive, activeStake);
    FixedVectors.maskWhere(forbidden, activeStake);
    FixedVectors.normalize(activeStake);

    // 5. Weights.
    long[][] weights = maskedWeights(neurons, previousPermit, owner);
    FixedVectors.rowNormalize(weights);

    // 6–7. Consensus, clipping, validator trust.
    long kappa = Fixed.div(Fixed.ofInt(params.kappa()), Fixed.ofInt(U16_MAX));
    long[] consensus = WeightedMedian.ofColumns(activeStake, weights, n, kappa);
    long[][] clipped = FixedVectors.copy(weights);
    FixedVectors.colClip(clipped, consensus);
    long[] validatorTrust = FixedVectors.rowSums(clipped);

    // 8. Incentive.
    long[] incentive = FixedVectors.matmul(clipped, activeStake, n);
    FixedVectors.normalize(incentive);

    // 9. Bond weights.
    long beta = Fixed.div(Fixed.ofInt(params.bondsPenalty()), Fixed.ofInt(U16_MAX));
    long[][] bondWeights = FixedVectors.interpolate(weights, clipped, beta);

    // 10. Classic bonds and dividends.
    long[][] previousBonds = previousBonds(neurons, block, input.tempo());
    FixedVectors.colNormalize(previousBonds, n);
    long[][] delta = FixedVectors.rowHadamard(bondWeights, activeStake);
    FixedVectors.colNormalize(delta, n);
    long alpha = Fixed.sub(Fixed.ONE, Fixed.share(params.bondsMovingAverage(), 1_000_000));
    long[][] bonds = FixedVectors.ema(delta, previousBonds, alpha);
    FixedVectors.colNormalize(bonds, n);
    long[] dividends = FixedVectors.matmulTranspose(bonds, incentive);
    FixedVectors.normalize(dividends);

    // 12. Emission.
    long emissionSum = 0;
    for (int i = 0; i < n; i++) {
      emissionSum = Fixed.add(emissionSum, Fixed.add(incentive[i], dividends[i]));
    }
    long[] serverShare = incentive.clone();
    long[] validatorShare = dividends.clone();
    FixedVectors.normalizeUsingSum(serverShare, emissionSum);
    FixedVectors.normalizeUsingSum(validatorShare, emissionSum);
    if (emissionSum == 0) {
      validatorShare = FixedVectors.isZero(activeStake) ? stake.clone() : activeStake.clone();
    }

    List<YumaResult> results = new ArrayList<>(n);
    long emission = input.emission();
    for (int i = 0; i < n; i++) {
      results.add(
          new YumaResult(
              stake[i],
              active[i],
              newPermit[i],
              activeStake[i],
              consensus[i],
              validatorTrust[i],
              incentive[i],
              dividends[i],
              Fixed.ofAmount(serverShare[i], emission),
              Fixed.ofAmount(validatorShare[i], emission),
              newPermit[i] ? bonds[i] : new long[0]));
    }
    return new YumaOutput(results);
  }

  /** Step 2: stake below the threshold zeroed, then each amount's exact floored share. */
  static long[] normalizedStake(List<YumaNeuron> neurons, long threshold) {
    int n = neurons.size();
    long[] amounts = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      long s = neurons.get(i).stake();
      amounts[i] = s < threshold ? 0 : s;
      total = Math.addExact(total, amounts[i]);
    }
    long[] stake = new long[n];
    if (total == 0) {
      return stake;
    }
    for (int i = 0; i < n; i++) {
      stake[i] = Fixed.share(amounts[i], total);
    }
    return stake;
  }

  /** Step 5 up to (not including) row normalization. */
  private static long[][] maskedWeights(List<YumaNeuron> neurons, boolean[] permit, int owner) {
    int n = neurons.size();
    long[][] w = new long[n][n];
    for (int i = 0; i < n; i++) {
      if (!permit[i]) {
        continue;
      }
      YumaNeuron neuron = neurons.get(i);
      long lastUpdate = neuron.lastUpdate();
      long commitBlock = neuron.earliestPendingCommit().orElse(Long.MAX_VALUE);
      for (int k = 0; k < neuron.weightCount(); k++) {
        int j = neuron.weightUid(k);
        if (j >= n || (j == i && i != owner)) {
          continue;
        }
        long registeredAt = neurons.get(j).registeredAt();
        if (lastUpdate <= registeredAt || commitBlock < registeredAt) {
          continue;
        }
        w[i][j] = Fixed.ofInt(neuron.weightValue(k));
      }
    }
    return w;
  }

  /** Step 10's B_prev, with the columns of UIDs registered within the last tempo zeroed. */
  private static long[][] previousBonds(List<YumaNeuron> neurons, long block, long tempo) {
    int n = neurons.size();
    long lastTempo = Math.max(0, block - tempo);
    boolean[] recent = new boolean[n];
    for (int j = 0; j < n; j++) {
      recent[j] = lastTempo <= neurons.get(j).registeredAt();
    }
    long[][] b = new long[n][n];
    for (int i = 0; i < n; i++) {
      YumaNeuron neuron = neurons.get(i);
      for (int j = 0; j < n; j++) {
        b[i][j] = recent[j] ? 0 : neuron.bond(j);
      }
    }
    return b;
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < a ? Long.MAX_VALUE : r;
  }
}

package io.aurelius.core.chain.yuma;

import java.util.Arrays;

/**
 * One UID's outcome of an epoch. Proportions are raw I32F32 values ({@link Fixed}); use {@link
 * Fixed#toDouble} to show them.
 *
 * @param stake normalized stake S
 * @param active whether the UID counted as active
 * @param validatorPermit the permit for the next epoch (top-k stake, and the owner)
 * @param activeStake S′: stake masked by activity and the previous permit, renormalized
 * @param consensus C
 * @param validatorTrust Tv: the sum of this UID's clipped weights
 * @param incentive I
 * @param dividends D
 * @param serverEmission the amount this UID earns as a miner
 * @param validatorEmission the amount this UID earns as a validator
 * @param bonds the new bonds row (column-normalized EMA), empty when it has no permit
 */
public record YumaResult(
    long stake,
    boolean active,
    boolean validatorPermit,
    long activeStake,
    long consensus,
    long validatorTrust,
    long incentive,
    long dividends,
    long serverEmission,
    long validatorEmission,
    long[] bonds) {
  public YumaResult {
    bonds = bonds.clone();
  }

  @Override
  public long[] bonds() {
    return bonds.clone();
  }

  public long emission() {
    return serverEmission + validatorEmission;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof YumaResult r
        && stake == r.stake
        && active == r.active
        && validatorPermit == r.validatorPermit
        && activeStake == r.activeStake
        && consensus == r.consensus
        && validatorTrust == r.validatorTrust
        && incentive == r.incentive
        && dividends == r.dividends
        && serverEmission == r.serverEmission
        && validatorEmission == r.validatorEmission
        && Arrays.equals(bonds, r.bonds);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(consensus) * 31 + Long.hashCode(incentive) + Arrays.hashCode(bonds);
  }

  @Override
  public String toString() {
    return String.format(
        "YumaResult[S=%.6f active=%s permit=%s S'=%.6f C=%.6f Tv=%.6f I=%.6f D=%.6f E=%d+%d]",
        Fixed.toDouble(stake),
        active,
        validatorPermit,
        Fixed.toDouble(activeStake),
        Fixed.toDouble(consensus),
        Fixed.toDouble(validatorTrust),
        Fixed.toDouble(incentive),
        Fixed.toDouble(dividends),
        serverEmission,
        validatorEmission);
  }
}

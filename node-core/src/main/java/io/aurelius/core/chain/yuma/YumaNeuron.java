package io.aurelius.core.chain.yuma;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One UID's state as an epoch reads it.
 *
 * @param stake the hotkey's stake, an integer amount
 * @param lastUpdate block of its last weight update (commit or set)
 * @param registeredAt block at which this UID was (most recently) registered
 * @param validatorPermit the permit from the previous epoch
 * @param earliestPendingCommit block of its oldest unexpired weight commit, if any
 * @param weightUids target UIDs of its weights (entries at or beyond n are ignored)
 * @param weightValues u16 weight values, parallel to {@code weightUids}
 * @param bonds its bonds row from the previous epoch as raw I32F32, length n, or empty for none
 */
public record YumaNeuron(
    long stake,
    long lastUpdate,
    long registeredAt,
    boolean validatorPermit,
    OptionalLong earliestPendingCommit,
    int[] weightUids,
    int[] weightValues,
    long[] bonds) {
  public YumaNeuron {
    if (stake < 0 || lastUpdate < 0 || registeredAt < 0) {
      throw new IllegalArgumentException("stake, lastUpdate and registeredAt must be non-negative");
    }
    if (weightUids.length != weightValues.length) {
      throw new IllegalArgumentException(
          "weights: "
              + weightUids.length
              + " uids and "
              + weightValues.length
              + " values (expected: equal)");
    }
    for (int i = 0; i < weightUids.length; i++) {
      if (weightUids[i] < 0 || weightValues[i] < 0 || weightValues[i] > 65535) {
        throw new IllegalArgumentException(
            "weight "
                + weightUids[i]
                + "="
                + weightValues[i]
                + " (expected: uid >= 0, value 0..65535)");
      }
    }
    weightUids = weightUids.clone();
    weightValues = weightValues.clone();
    bonds = bonds.clone();
    for (long b : bonds) {
      if (b < 0) {
        throw new IllegalArgumentException("bond " + b + " (expected: non-negative)");
      }
    }
  }

  /** A UID without weights or bonds. */
  public static YumaNeuron of(long stake, long lastUpdate, long registeredAt, boolean permit) {
    return new YumaNeuron(
        stake,
        lastUpdate,
        registeredAt,
        permit,
        OptionalLong.empty(),
        new int[0],
        new int[0],
        new long[0]);
  }

  public YumaNeuron withWeights(int[] uids, int[] values) {
    return new YumaNeuron(
        stake,
        lastUpdate,
        registeredAt,
        validatorPermit,
        earliestPendingCommit,
        uids,
        values,
        bonds);
  }

  public YumaNeuron withBonds(long[] row) {
    return new YumaNeuron(
        stake,
        lastUpdate,
        registeredAt,
        validatorPermit,
        earliestPendingCommit,
        weightUids,
        weightValues,
        row);
  }

  @Override
  public int[] weightUids() {
    return weightUids.clone();
  }

  @Override
  public int[] weightValues() {
    return weightValues.clone();
  }

  @Override
  public long[] bonds() {
    return bonds.clone();
  }

  int weightCount() {
    return weightUids.length;
  }

  int weightUid(int k) {
    return weightUids[k];
  }

  int weightValue(int k) {
    return weightValues[k];
  }

  long bond(int j) {
    return j < bonds.length ? bonds[j] : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof YumaNeuron other
        && stake == other.stake
        && lastUpdate == other.lastUpdate
        && registeredAt == other.registeredAt
        && validatorPermit == other.validatorPermit
        && earliestPendingCommit.equals(other.earliestPendingCommit)
        && Arrays.equals(weightUids, other.weightUids)
        && Arrays.equals(weightValues, other.weightValues)
        && Arrays.equals(bonds, other.bonds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weightUids) * 31 + Long.hashCode(stake);
  }

  @Override
  public String toString() {
    return "YumaNeuron[stake="
        + stake
        + ", lastUpdate="
        + lastUpdate
        + ", registeredAt="
        + registeredAt
        + ", permit="
        + validatorPermit
        + ", weights="
        + weightUids.length
        + "]";
  }
}

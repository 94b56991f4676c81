package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cosigners count, with what stake, and what fraction of the total stake makes a checkpoint
 * <em>witnessed</em>. Only type-04 (cosignature) keys carry stake. {@code unboundStake} is the
 * stake of witnesses whose key is not known (a validator on the chain that did not say which key it
 * cosigns with): it counts in the total and never as signed, so not knowing a key makes the quorum
 * harder to reach, never easier.
 */
public record WitnessQuorum(
    Map<VerifierKey, Long> stakes, long unboundStake, StakeThreshold threshold) {
  public WitnessQuorum {
    requireNonNull(threshold, "threshold");
    if (unboundStake < 0) {
      throw new IllegalArgumentException("unboundStake: " + unboundStake + " (expected: ≥ 0)");
    }
    stakes =
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(stakes, "stakes")));
    stakes.forEach(
        (k, v) -> {
          if (k.type() != KeyType.COSIGNATURE) {
            throw new IllegalArgumentException(
                "witness "
                    + k.format()
                    + ": type "
                    + k.type()
                    + " (expected: a cosignature key, type 04)");
          }
          if (v == null || v < 0) {
            throw new IllegalArgumentException(
                "witness " + k.format() + ": stake " + v + " (expected: ≥ 0)");
          }
        });
  }

  public WitnessQuorum(Map<VerifierKey, Long> stakes, StakeThreshold threshold) {
    this(stakes, 0, threshold);
  }

  public static WitnessQuorum none() {
    return new WitnessQuorum(Map.of(), StakeThreshold.TWO_THIRDS);
  }

  public boolean hasWitnesses() {
    return !stakes.isEmpty() || unboundStake > 0;
  }

  public BigInteger totalStake() {
    BigInteger total = BigInteger.valueOf(unboundStake);
    for (long s : stakes.values()) {
      total = total.add(BigInteger.valueOf(s));
    }
    return total;
  }

  /** Verifies the note's cosignatures by known witnesses and weighs them. */
  public Assessment assess(SignedNote note) throws NoteVerificationException {
    List<VerifiedSignature> verified = new NoteVerifier(stakes.keySet()).verify(note);
    BigInteger signed = BigInteger.ZERO;
    List<VerifierKey> cosigners = new ArrayList<>();
    for (VerifiedSignature v : verified) {
      signed = signed.add(BigInteger.valueOf(stakes.get(v.key())));
      cosigners.add(v.key());
    }
    BigInteger total = totalStake();
    return new Assessment(cosigners, signed, total, threshold.isMetBy(signed, total));
  }

  /** The outcome for one note: who cosigned, their stake, and whether the quorum is met. */
  public record Assessment(
      List<VerifierKey> cosigners,
      BigInteger signedStake,
      BigInteger totalStake,
      boolean witnessed) {
    public Assessment {
      cosigners = List.copyOf(cosigners);
    }
  }
}

package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each validator's weight in the quorum, as exact integers so every validator reaches the same
 * decision from the same inputs. {@link #stake} is stake alone; validator trust scales it ({@code
 * io.aurelius.validator.trust.TrustWeights}).
 */
public record VoteWeights(Map<KeyId, BigInteger> weights) {
  public VoteWeights {
    weights = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(weights, "weights")));
    weights.forEach(
        (k, w) -> {
          if (w.signum() < 0) {
            throw new IllegalArgumentException(
                "vote weight of " + k.address() + ": " + w + " (expected: 0 or more)");
          }
        });
  }

  /** Weight = stake. */
  public static VoteWeights stake(ValidatorSet set) {
    Map<KeyId, BigInteger> m = new TreeMap<>();
    set.stakes().forEach((k, s) -> m.put(k, BigInteger.valueOf(s)));
    return new VoteWeights(m);
  }

  public BigInteger of(KeyId validator) {
    return weights.getOrDefault(validator, BigInteger.ZERO);
  }

  public BigInteger total() {
    return weights.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }
}

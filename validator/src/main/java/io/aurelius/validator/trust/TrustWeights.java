package io.aurelius.validator.trust;

import io.aurelius.core.identity.KeyId;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.consensus.VoteWeights;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quorum weight = stake × f(trust − mean trust), f in thousandths ({@link
 * TrustPolicy#factorMilli}), the mean stake-weighted over the validator set. Trust enters relative
 * to the set's because the market term makes the stake-weighted sum of each aene's changes at most
 * zero (the log of a mean is at least the mean of the logs): whenever validators disagree, every
 * absolute trust drifts down, and what tells validators apart is their trust against their peers'.
 */
public final class TrustWeights {
  private TrustWeights() {}

  public static VoteWeights of(ValidatorSet set, TrustBook book, TrustPolicy policy) {
    Map<KeyId, BigInteger> m = new TreeMap<>();
    double mean = mean(set, book);
    set.stakes()
        .forEach(
            (k, stake) ->
                m.put(
                    k,
                    BigInteger.valueOf(stake)
                        .multiply(
                            BigInteger.valueOf(policy.factorMilli(book.of(k.address()) - mean)))));
    return new VoteWeights(m);
  }

  /** Each validator's factor f(trust − mean trust), by address, as the quorum uses it. */
  public static Map<String, Double> factors(ValidatorSet set, TrustBook book, TrustPolicy policy) {
    Map<String, Double> out = new TreeMap<>();
    double mean = mean(set, book);
    set.stakes()
        .keySet()
        .forEach(
            k -> out.put(k.address(), policy.factorMilli(book.of(k.address()) - mean) / 1000.0));
    return out;
  }

  /** The stake-weighted mean trust of the set (the plain mean if it holds no stake). */
  static double mean(ValidatorSet set, TrustBook book) {
    double weighted = 0;
    double stake = 0;
    double plain = 0;
    for (Map.Entry<KeyId, Long> e : set.stakes().entrySet()) {
      double t = book.of(e.getKey().address());
      weighted += (double) e.getValue() * t;
      stake += e.getValue();
      plain += t;
    }
    if (stake > 0) {
      return weighted / stake;
    }
    return set.stakes().isEmpty() ? 0 : plain / set.stakes().size();
  }
}

package io.aurelius.validator.trust;

import io.aurelius.core.identity.KeyId;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.consensus.VoteWeights;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/** Quorum weight = stake × f(trust), f in thousandths ({@link TrustPolicy#factorMilli}). */
public final class TrustWeights {
  private TrustWeights() {}

  public static VoteWeights of(ValidatorSet set, TrustBook book, TrustPolicy policy) {
    Map<KeyId, BigInteger> m = new TreeMap<>();
    set.stakes()
        .forEach(
            (k, stake) ->
                m.put(
                    k,
                    BigInteger.valueOf(stake)
                        .multiply(BigInteger.valueOf(policy.factorMilli(book.of(k.address()))))));
    return new VoteWeights(m);
  }
}

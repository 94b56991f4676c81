package io.aurelius.validator.trust;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import io.aurelius.validator.consensus.SignedVerdict;
import io.aurelius.validator.consensus.ValidatorSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Proof of Trust's update, per decided aene: with y the outcome (accepted or not), q_v(y) each
 * voting validator's forecast of y and p_m(y) the market's, the stake-weighted mean of the voters'
 * forecasts, trust_v ← trust_v + α·[ln q_v(y) − ln p_m(y)]. The log score S(q, y) = log q(y) is
 * strictly proper: a validator maximises its expected trust by reporting what it believes, and one
 * that copies the market gains nothing. A validator of the set that gave no verdict in an epoch
 * with proposals loses {@code decay} of any positive trust.
 */
public final class TrustUpdate {
  private TrustUpdate() {}

  /** The book after, and each validator's change this epoch (in trust units). */
  public record Result(TrustBook after, Map<String, Double> changes) {}

  /**
   * The change for one forecast: α·[ln q(y) − ln p_m(y)], with q and p_m forecasts of acceptance.
   */
  public static double change(double q, double market, boolean accepted, double rate) {
    double qy = accepted ? q : 1 - q;
    double my = accepted ? market : 1 - market;
    return rate * (StrictMath.log(qy) - StrictMath.log(my));
  }

  /**
   * @param verdicts each decided aene's verdicts (by aene id)
   * @param accepted the ids of the aenes the quorum accepted
   */
  public static Result apply(
      TrustBook before,
      Map<String, List<SignedVerdict>> verdicts,
      Collection<String> accepted,
      ValidatorSet set,
      TrustPolicy policy) {
    requireNonNull(before, "before");
    requireNonNull(verdicts, "verdicts");
    Set<String> in = new HashSet<>(accepted);
    Map<String, Double> changes = new TreeMap<>();
    Set<KeyId> voted = new HashSet<>();
    for (Map.Entry<String, List<SignedVerdict>> e : new TreeMap<>(verdicts).entrySet()) {
      List<SignedVerdict> vs =
          e.getValue().stream()
              .filter(v -> set.contains(v.validator()))
              .sorted((a, b) -> a.validator().compareTo(b.validator()))
              .toList();
      if (vs.isEmpty()) {
        continue;
      }
      double market = market(vs, set);
      boolean y = in.contains(e.getKey());
      for (SignedVerdict v : vs) {
        voted.add(v.validator());
        changes.merge(
            v.validator().address(), change(v.forecast(), market, y, policy.rate()), Double::sum);
      }
    }
    Map<String, Double> next = new TreeMap<>(before.trust());
    changes.forEach((v, d) -> next.put(v, before.of(v) + d));
    if (!verdicts.isEmpty()) {
      for (KeyId k : set.stakes().keySet()) {
        double t = before.of(k.address());
        if (!voted.contains(k) && t > 0) {
          double decayed = t * (1 - policy.decay());
          next.put(k.address(), decayed);
          changes.put(k.address(), decayed - t);
        }
      }
    }
    return new Result(new TrustBook(next), changes);
  }

  /**
   * The stake-weighted mean forecast of acceptance (the plain mean if the voters hold no stake).
   */
  static double market(List<SignedVerdict> vs, ValidatorSet set) {
    double weighted = 0;
    double stake = 0;
    double plain = 0;
    for (SignedVerdict v : vs) {
      long s = set.stake(v.validator()).orElse(0);
      weighted += s * v.forecast();
      stake += s;
      plain += v.forecast();
    }
    return stake > 0 ? weighted / stake : plain / vs.size();
  }
}

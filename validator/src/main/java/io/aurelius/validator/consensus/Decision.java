package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The corpus decision of an epoch, a pure function of the verdicts held, the validator set and the
 * validators' vote weights: an aene is accepted when validators holding at least the quorum of the
 * total vote weight signed an approving verdict on it (weight = stake, or stake scaled by trust).
 * Each validator that gave verdicts gets its agreement with the outcomes (the share of its verdicts
 * that match), for its reputation.
 */
public final class Decision {
  private Decision() {}

  /** An accepted aene: its proposal, the approving validators and their stake, the median DLV. */
  public record Accepted(Proposal proposal, List<KeyId> approvers, long stake, double dlv) {}

  public record Result(List<Accepted> accepted, int considered, Map<String, Double> agreements) {}

  /** Decided by stake alone. */
  public static Result decide(
      Map<String, Proposal> proposals,
      Map<String, List<SignedVerdict>> verdicts,
      ValidatorSet set,
      Quorum quorum) {
    return decide(proposals, verdicts, set, quorum, VoteWeights.stake(set));
  }

  public static Result decide(
      Map<String, Proposal> proposals,
      Map<String, List<SignedVerdict>> verdicts,
      ValidatorSet set,
      Quorum quorum,
      VoteWeights weights) {
    requireNonNull(proposals, "proposals");
    requireNonNull(verdicts, "verdicts");
    requireNonNull(weights, "weights");
    BigInteger total = weights.total();
    List<Accepted> accepted = new ArrayList<>();
    Map<String, int[]> agreement = new TreeMap<>();
    for (Map.Entry<String, Proposal> e : new TreeMap<>(proposals).entrySet()) {
      List<SignedVerdict> vs =
          verdicts.getOrDefault(e.getKey(), List.of()).stream()
              .filter(v -> set.contains(v.validator()))
              .toList();
      List<KeyId> approvers = new ArrayList<>();
      List<Double> dlvs = new ArrayList<>();
      long stake = 0;
      BigInteger weight = BigInteger.ZERO;
      for (SignedVerdict v : vs) {
        if (v.approve()) {
          approvers.add(v.validator());
          dlvs.add(v.dlv());
          stake += set.stake(v.validator()).orElse(0);
          weight = weight.add(weights.of(v.validator()));
        }
      }
      boolean in = quorum.reached(weight, total);
      for (SignedVerdict v : vs) {
        int[] a = agreement.computeIfAbsent(v.validator().address(), k -> new int[2]);
        a[0] += v.approve() == in ? 1 : 0;
        a[1]++;
      }
      if (in) {
        approvers.sort(null);
        accepted.add(new Accepted(e.getValue(), approvers, stake, median(dlvs)));
      }
    }
    Map<String, Double> agreements = new HashMap<>();
    agreement.forEach((v, a) -> agreements.put(v, a[1] == 0 ? 0 : (double) a[0] / a[1]));
    return new Result(accepted, proposals.size(), agreements);
  }

  /**
   * The approvals an aene holds, whatever the quorum: how the anchor step writes an entry the
   * consensus step accepted (the trust that weighed the decision has moved since).
   */
  public static Accepted approvals(
      Proposal proposal, List<SignedVerdict> verdicts, ValidatorSet set) {
    List<KeyId> approvers = new ArrayList<>();
    List<Double> dlvs = new ArrayList<>();
    long stake = 0;
    for (SignedVerdict v : verdicts) {
      if (v.approve() && set.contains(v.validator())) {
        approvers.add(v.validator());
        dlvs.add(v.dlv());
        stake += set.stake(v.validator()).orElse(0);
      }
    }
    approvers.sort(null);
    return new Accepted(proposal, approvers, stake, median(dlvs));
  }

  private static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    s.sort(null);
    int n = s.size();
    return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}

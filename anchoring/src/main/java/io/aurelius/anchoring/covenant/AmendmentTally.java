package io.aurelius.anchoring.covenant;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts a proposal's votes by stake: adopted when validators holding at least {@code num/den} of
 * the validators' stake signed an approving vote. Each voter counts once (its first vote that
 * verifies and names this proposal); voters without stake count nothing. Adoption applies the
 * amendment to the covenant in force, which it must still amend.
 */
public final class AmendmentTally {
  private AmendmentTally() {}

  /**
   * @param approving stake of the approving voters
   * @param total stake of every validator
   * @param covenant the covenant after the amendment, when adopted
   */
  public record Result(long approving, long total, Optional<Covenant> covenant) {
    public boolean adopted() {
      return covenant.isPresent();
    }
  }

  public static Result tally(
      Covenant current,
      AmendmentProposal proposal,
      List<AmendmentVote> votes,
      Map<KeyId, Long> stakes,
      long num,
      long den)
      throws InvalidCovenantException {
    requireNonNull(current, "current");
    requireNonNull(proposal, "proposal");
    if (num < 1 || den < num) {
      throw new IllegalArgumentException(
          "amendment threshold: " + num + "/" + den + " (expected: a fraction in (0, 1])");
    }
    long total = stakes.values().stream().mapToLong(Long::longValue).sum();
    long approving = 0;
    Set<KeyId> counted = new HashSet<>();
    for (AmendmentVote v : votes) {
      if (!v.proposal().equals(proposal.id()) || !stakes.containsKey(v.voter()) || !v.verifies()) {
        continue;
      }
      if (counted.add(v.voter()) && v.approve()) {
        approving += stakes.get(v.voter());
      }
    }
    boolean reached =
        total > 0
            && BigInteger.valueOf(approving)
                    .multiply(BigInteger.valueOf(den))
                    .compareTo(BigInteger.valueOf(total).multiply(BigInteger.valueOf(num)))
                >= 0;
    return new Result(
        approving,
        total,
        reached ? Optional.of(current.amend(proposal.entry())) : Optional.empty());
  }
}

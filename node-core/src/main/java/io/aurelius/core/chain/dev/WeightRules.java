package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.extrinsic.CommitWeights;
import io.aurelius.core.chain.extrinsic.RevealWeights;
import io.aurelius.core.chain.extrinsic.SetWeights;
import io.aurelius.core.chain.extrinsic.WeightCommitHash;
import io.aurelius.core.chain.yuma.Fixed;
import io.aurelius.core.identity.KeyId;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Subtensor's weight extrinsics (docs/reference.md §1, {@code subnets/weights.rs}): the checks of
 * {@code set_weights} in their order, commit-reveal v2 commits and reveals, and the rate limit.
 * Each method checks everything first and mutates only when it accepts.
 */
final class WeightRules {
  static final int MAX_PENDING_COMMITS = 10;

  private WeightRules() {}

  /** Weights ready to store: the setter's UID and the max-upscaled values. */
  record Prepared(int uid, int[] uids, int[] values) {}

  static Checked<Runnable> setWeights(ChainState s, KeyId hotkey, SetWeights call) {
    if (s.params.commitRevealEnabled()) {
      return Checked.fail(
          RejectReason.COMMIT_REVEAL_ENABLED,
          "this subnet takes weights by commit and reveal (expected: commit_weights, then reveal_weights)");
    }
    Checked<Prepared> prepared = check(s, hotkey, call.netuid(), call.weights(), call.versionKey());
    if (prepared.failed()) {
      return Checked.fail(prepared.rejection());
    }
    return Checked.ok(() -> store(s, prepared.value()));
  }

  static Checked<Runnable> commit(ChainState s, KeyId hotkey, CommitWeights call) {
    if (call.netuid() != s.params.netuid()) {
      return wrongNetuid(s, call.netuid());
    }
    if (!s.params.commitRevealEnabled()) {
      return Checked.fail(
          RejectReason.COMMIT_REVEAL_DISABLED,
          "commit-reveal is disabled on this subnet (expected: set_weights)");
    }
    Integer uid = s.uids.get(hotkey);
    if (uid == null) {
      return notRegistered(hotkey);
    }
    Checked<Runnable> rate = rateLimit(s, uid);
    if (rate.failed()) {
      return rate;
    }
    ArrayDeque<ChainState.Commit> queue = s.commits.getOrDefault(hotkey, new ArrayDeque<>());
    long live = queue.stream().filter(c -> !s.isExpired(c)).count();
    if (live >= MAX_PENDING_COMMITS) {
      return Checked.fail(
          RejectReason.TOO_MANY_PENDING_COMMITS,
          live + " unrevealed commits (expected: fewer than " + MAX_PENDING_COMMITS + ")");
    }
    return Checked.ok(
        () -> {
          ArrayDeque<ChainState.Commit> q =
              s.commits.computeIfAbsent(hotkey, k -> new ArrayDeque<>());
          q.removeIf(s::isExpired);
          q.addLast(new ChainState.Commit(call.commitHash(), s.block));
          s.neurons.get(uid).lastUpdate = s.block;
        });
  }

  static Checked<Runnable> reveal(ChainState s, KeyId hotkey, RevealWeights call) {
    if (call.netuid() != s.params.netuid()) {
      return wrongNetuid(s, call.netuid());
    }
    if (!s.params.commitRevealEnabled()) {
      return Checked.fail(
          RejectReason.COMMIT_REVEAL_DISABLED,
          "commit-reveal is disabled on this subnet (expected: set_weights)");
    }
    ArrayDeque<ChainState.Commit> queue = s.commits.get(hotkey);
    if (queue == null || queue.isEmpty()) {
      return Checked.fail(
          RejectReason.NO_WEIGHTS_COMMIT, "hotkey " + hotkey + " has no pending commit");
    }
    String hash =
        WeightCommitHash.of(hotkey, call.netuid(), call.weights(), call.salt(), call.versionKey());
    List<ChainState.Commit> live = queue.stream().filter(c -> !s.isExpired(c)).toList();
    boolean expiredMatch = queue.stream().anyMatch(c -> s.isExpired(c) && c.hash().equals(hash));
    int position = -1;
    for (int i = 0; i < live.size(); i++) {
      if (live.get(i).hash().equals(hash)) {
        position = i;
        break;
      }
    }
    if (position < 0) {
      if (expiredMatch) {
        return Checked.fail(
            RejectReason.COMMIT_EXPIRED,
            "the matching commit expired after epoch "
                + "commit + "
                + s.params.revealPeriodEpochs());
      }
      return live.isEmpty()
          ? Checked.fail(
              RejectReason.NO_WEIGHTS_COMMIT, "hotkey " + hotkey + " has no unexpired commit")
          : Checked.fail(
              RejectReason.REVEAL_MISMATCH,
              "weights, salt and version key hash to "
                  + hash
                  + ", which matches none of "
                  + live.size()
                  + " pending commits");
    }
    ChainState.Commit commit = live.get(position);
    if (!s.inRevealEpoch(commit)) {
      long revealEpoch = s.params.epochIndex(commit.block()) + s.params.revealPeriodEpochs();
      return Checked.fail(
          RejectReason.REVEAL_TOO_EARLY,
          "committed at block "
              + commit.block()
              + ", now epoch "
              + s.params.epochIndex(s.block)
              + " (expected: epoch "
              + revealEpoch
              + ")");
    }
    Checked<Prepared> prepared = check(s, hotkey, call.netuid(), call.weights(), call.versionKey());
    if (prepared.failed()) {
      return Checked.fail(prepared.rejection());
    }
    int revealed = position;
    return Checked.ok(
        () -> {
          ArrayDeque<ChainState.Commit> q = s.commits.get(hotkey);
          q.removeIf(s::isExpired);
          for (int i = 0; i <= revealed; i++) {
            q.removeFirst();
          }
          if (q.isEmpty()) {
            s.commits.remove(hotkey);
          }
          store(s, prepared.value());
        });
  }

  /** The checks of Subtensor's {@code do_set_weights}, in its order. */
  static Checked<Prepared> check(
      ChainState s, KeyId hotkey, int netuid, Weights w, long versionKey) {
    SubnetParams p = s.params;
    if (netuid != p.netuid()) {
      return wrongNetuid(s, netuid);
    }
    List<Integer> uids = w.uids();
    List<Integer> values = w.values();
    if (uids.size() != values.size()) {
      return Checked.fail(
          RejectReason.WEIGHT_LENGTH_MISMATCH,
          uids.size() + " uids and " + values.size() + " values (expected: as many of each)");
    }
    int n = s.size();
    if (uids.size() > n) {
      return Checked.fail(
          RejectReason.TOO_MANY_WEIGHTS,
          uids.size() + " weights (expected: at most " + n + ", the number of UIDs)");
    }
    Integer uid = s.uids.get(hotkey);
    if (uid == null) {
      return notRegistered(hotkey);
    }
    long stake = s.stake(hotkey);
    if (stake < p.weightsMinStake()) {
      return Checked.fail(
          RejectReason.NOT_ENOUGH_STAKE_TO_SET_WEIGHTS,
          "stake " + stake + " (expected: at least " + p.weightsMinStake() + ")");
    }
    if (p.weightsVersionKey() != 0 && versionKey < p.weightsVersionKey()) {
      return Checked.fail(
          RejectReason.VERSION_KEY_TOO_LOW,
          "version_key " + versionKey + " (expected: at least " + p.weightsVersionKey() + ")");
    }
    if (!p.commitRevealEnabled()) {
      Checked<Runnable> rate = rateLimit(s, uid);
      if (rate.failed()) {
        return Checked.fail(rate.rejection());
      }
    }
    boolean selfWeight = uids.size() == 1 && uids.get(0).intValue() == uid;
    boolean owner = s.ownerUid().isPresent() && s.ownerUid().getAsInt() == uid;
    if (!selfWeight && !owner && !s.neurons.get(uid).permit) {
      return Checked.fail(
          RejectReason.NO_VALIDATOR_PERMIT,
          "UID " + uid + " has no validator permit (expected: a permit, or a lone self-weight)");
    }
    Set<Integer> seen = new HashSet<>();
    for (int target : uids) {
      if (!seen.add(target)) {
        return Checked.fail(RejectReason.DUPLICATE_UIDS, "UID " + target + " appears twice");
      }
    }
    for (int target : uids) {
      if (target >= n) {
        return Checked.fail(
            RejectReason.UNKNOWN_UID, "UID " + target + " (expected: 0.." + (n - 1) + ")");
      }
    }
    int minAllowed = Math.min(p.minAllowedWeights(), n);
    if (!selfWeight && values.size() < minAllowed) {
      return Checked.fail(
          RejectReason.TOO_FEW_WEIGHTS,
          values.size() + " weights (expected: at least " + minAllowed + ")");
    }
    int[] upscaled = maxUpscale(values);
    if (!selfWeight && p.maxWeightsLimit() != 65535 && !maxLimited(upscaled, p.maxWeightsLimit())) {
      return Checked.fail(
          RejectReason.MAX_WEIGHT_EXCEEDED,
          "the largest weight's share exceeds " + p.maxWeightsLimit() + "/65535");
    }
    return Checked.ok(
        new Prepared(uid, uids.stream().mapToInt(Integer::intValue).toArray(), upscaled));
  }

  private static void store(ChainState s, Prepared prepared) {
    ChainState.Neuron neuron = s.neurons.get(prepared.uid());
    neuron.weightUids = prepared.uids();
    neuron.weightValues = prepared.values();
    if (!s.params.commitRevealEnabled()) {
      neuron.lastUpdate = s.block;
    }
  }

  /** Subtensor's {@code check_rate_limit}: a last update at block 0 means never. */
  private static Checked<Runnable> rateLimit(ChainState s, int uid) {
    long last = s.neurons.get(uid).lastUpdate;
    long limit = s.params.weightsRateLimit();
    if (last != 0 && s.block - last < limit) {
      return Checked.fail(
          RejectReason.WEIGHTS_RATE_LIMIT,
          "last weight update at block "
              + last
              + ", now "
              + s.block
              + " (expected: "
              + limit
              + " blocks apart)");
    }
    return Checked.ok(null);
  }

  /**
   * Subtensor's {@code vec_u16_max_upscale_to_u16} in I32F32: the largest value becomes 65535, the
   * rest scale with it, rounded half away from zero.
   */
  static int[] maxUpscale(List<Integer> values) {
    int[] out = new int[values.size()];
    int max = 0;
    for (int v : values) {
      max = Math.max(max, v);
    }
    if (max == 0) {
      return out;
    }
    long u16Max = Fixed.ofInt(65535);
    for (int i = 0; i < out.length; i++) {
      long e = Fixed.ofInt(values.get(i));
      long scaled =
          max > 32768
              ? Fixed.mul(e, Fixed.div(u16Max, Fixed.ofInt(max)))
              : Fixed.div(Fixed.mul(e, u16Max), Fixed.ofInt(max));
      long rounded = (scaled + (Fixed.ONE >> 1)) >> Fixed.FRACTION_BITS;
      out[i] = (int) Math.min(65535, rounded);
    }
    return out;
  }

  /** Subtensor's {@code check_vec_max_limited}: the largest normalized value ≤ limit/65535. */
  static boolean maxLimited(int[] values, int limit) {
    long sum = 0;
    long max = 0;
    for (int v : values) {
      sum = Fixed.add(sum, Fixed.ofInt(v));
      max = Math.max(max, Fixed.ofInt(v));
    }
    if (sum == 0) {
      return true;
    }
    return Fixed.div(max, sum) <= Fixed.div(Fixed.ofInt(limit), Fixed.ofInt(65535));
  }

  static <T> Checked<T> notRegistered(KeyId hotkey) {
    return Checked.fail(
        RejectReason.NOT_REGISTERED, "hotkey " + hotkey + " is not registered on this subnet");
  }

  static <T> Checked<T> wrongNetuid(ChainState s, int netuid) {
    return Checked.fail(
        RejectReason.WRONG_NETUID, "netuid " + netuid + " (expected: " + s.params.netuid() + ")");
  }
}

package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The higher bar for world-model changes: a module is adopted in the epoch that completes {@code
 * consecutiveEpochs} consecutive epochs in each of which validators holding at least the quorum of
 * the stake signed a passing verdict (one verdict per validator per epoch; a validator without
 * stake counts for nothing). Exact in integers: approving · d ≥ total · n.
 */
public final class ModuleQuorum {
  private final ModuleSettings settings;

  public ModuleQuorum(ModuleSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** An adoption decided: the module, the epoch that completed the run, and who approved it. */
  public record Decision(ContentId module, long epoch, List<KeyId> approvers) {
    public Decision {
      requireNonNull(module, "module");
      approvers = List.copyOf(approvers);
    }
  }

  /** Whether the stake of {@code approvers} meets the quorum of {@code stakes}. */
  public boolean meets(Set<KeyId> approvers, Map<KeyId, Long> stakes) {
    BigInteger total = BigInteger.ZERO;
    BigInteger approving = BigInteger.ZERO;
    for (Map.Entry<KeyId, Long> e : stakes.entrySet()) {
      BigInteger s = BigInteger.valueOf(Math.max(0, e.getValue()));
      total = total.add(s);
      if (approvers.contains(e.getKey())) {
        approving = approving.add(s);
      }
    }
    return total.signum() > 0
        && approving
                .multiply(BigInteger.valueOf(settings.quorumDenominator()))
                .compareTo(total.multiply(BigInteger.valueOf(settings.quorumNumerator())))
            >= 0;
  }

  /**
   * The adoption of {@code module}, if the verified verdicts (of any epochs, in any order) reach
   * the quorum in enough consecutive epochs; the stake is that of each epoch.
   */
  public Optional<Decision> decide(
      ContentId module, List<ModuleVerdict> verdicts, Map<Long, Map<KeyId, Long>> stakes) {
    Map<Long, Set<KeyId>> passing = new TreeMap<>();
    Map<Long, Set<KeyId>> voted = new TreeMap<>();
    for (ModuleVerdict v : verdicts) {
      if (!v.module().equals(module)) {
        continue;
      }
      if (!voted.computeIfAbsent(v.epoch(), e -> new LinkedHashSet<>()).add(v.validator())) {
        continue; // a second verdict of the same validator in an epoch counts once, the first
      }
      if (v.passed()) {
        passing.computeIfAbsent(v.epoch(), e -> new LinkedHashSet<>()).add(v.validator());
      }
    }
    long runStart = Long.MIN_VALUE;
    long previous = Long.MIN_VALUE;
    Map<KeyId, Boolean> approvers = new LinkedHashMap<>();
    for (Map.Entry<Long, Set<KeyId>> e : passing.entrySet()) {
      long epoch = e.getKey();
      boolean met = meets(e.getValue(), stakes.getOrDefault(epoch, Map.of()));
      if (!met) {
        runStart = Long.MIN_VALUE;
        approvers.clear();
        previous = epoch;
        continue;
      }
      if (runStart == Long.MIN_VALUE || previous != epoch - 1) {
        runStart = epoch;
        approvers.clear();
      }
      e.getValue().forEach(k -> approvers.put(k, true));
      previous = epoch;
      if (epoch - runStart + 1 >= settings.consecutiveEpochs()) {
        return Optional.of(new Decision(module, epoch, new ArrayList<>(approvers.keySet())));
      }
    }
    return Optional.empty();
  }
}

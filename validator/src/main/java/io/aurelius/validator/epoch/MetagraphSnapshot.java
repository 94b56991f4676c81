package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.validator.consensus.ValidatorSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The metagraph as step 1 of an epoch recorded it; every later step of the epoch reads this. */
public record MetagraphSnapshot(long epoch, long block, List<Member> members) {
  public MetagraphSnapshot {
    members = List.copyOf(members);
  }

  static MetagraphSnapshot of(long epoch, Metagraph m) {
    requireNonNull(m, "m");
    return new MetagraphSnapshot(epoch, m.block(), m.neurons().stream().map(Member::of).toList());
  }

  public Optional<Member> byHotkey(KeyId hotkey) {
    String address = hotkey.address();
    return members.stream().filter(m -> m.hotkey().equals(address)).findFirst();
  }

  public List<Member> validators() {
    return members.stream().filter(Member::validatorRole).toList();
  }

  public List<Member> miners() {
    return members.stream().filter(Member::minerRole).toList();
  }

  /** The validators and their stakes, as the quorum counts them. */
  public ValidatorSet validatorSet() {
    Map<KeyId, Long> stakes = new HashMap<>();
    validators().forEach(v -> stakes.put(v.key(), v.stake()));
    return new ValidatorSet(stakes);
  }

  /** Every other validator that serves an endpoint. */
  public List<PeerEndpoint> peersOf(KeyId self) {
    List<PeerEndpoint> out = new ArrayList<>();
    validators().stream()
        .filter(v -> !v.hotkey().equals(self.address()))
        .forEach(v -> v.endpoint().ifPresent(out::add));
    return out;
  }

  /** Stake of every validator: the quorum's denominator. */
  public long validatorStake() {
    return validators().stream().mapToLong(Member::stake).sum();
  }
}

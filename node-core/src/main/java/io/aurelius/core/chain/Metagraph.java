package io.aurelius.core.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.util.List;
import java.util.Optional;

/** The subnet as of one block: every registered UID in UID order. */
public record Metagraph(int netuid, long block, List<NeuronInfo> neurons) {
  public Metagraph {
    neurons = List.copyOf(neurons);
  }

  public int size() {
    return neurons.size();
  }

  public Optional<NeuronInfo> byHotkey(KeyId hotkey) {
    requireNonNull(hotkey, "hotkey");
    return neurons.stream().filter(n -> n.hotkey().equals(hotkey)).findFirst();
  }

  public Optional<NeuronInfo> byUid(int uid) {
    return uid >= 0 && uid < neurons.size() ? Optional.of(neurons.get(uid)) : Optional.empty();
  }

  public boolean isRegistered(KeyId hotkey) {
    return byHotkey(hotkey).isPresent();
  }
}

package io.aurelius.miner.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.PeerDirectory;
import io.aurelius.core.protocol.PeerStanding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who may query the miner: every hotkey the last metagraph lists as a validator, with its stake as
 * priority and registered scheme, plus hotkeys allowed by the operator with the scheme the operator
 * gave (stake 0 when the metagraph does not know them). Everyone else, miners included, is
 * unregistered here and refused with 403 before any work. Answers from a snapshot swapped whole on
 * {@link #refresh}, never blocking.
 */
public final class ValidatorDirectory implements PeerDirectory {
  private final Map<KeyId, KeyScheme> alsoAllowed;
  private final AtomicReference<Map<KeyId, PeerStanding>> standings;

  public ValidatorDirectory(Map<KeyId, KeyScheme> alsoAllowed) {
    this.alsoAllowed = Map.copyOf(alsoAllowed);
    this.standings = new AtomicReference<>(build(List.of()));
  }

  /** Replaces the snapshot with this metagraph's validators. */
  public void refresh(Metagraph metagraph) {
    requireNonNull(metagraph, "metagraph");
    standings.set(build(metagraph.neurons()));
  }

  private Map<KeyId, PeerStanding> build(List<NeuronInfo> neurons) {
    Map<KeyId, PeerStanding> next = new HashMap<>();
    alsoAllowed.forEach((k, scheme) -> next.put(k, new PeerStanding.Registered(0, scheme)));
    for (NeuronInfo n : neurons) {
      if (n.role() == Role.VALIDATOR) {
        next.put(n.hotkey(), new PeerStanding.Registered(n.stake(), n.hotkeyScheme()));
      }
    }
    return Map.copyOf(next);
  }

  @Override
  public PeerStanding standing(KeyId hotkey) {
    requireNonNull(hotkey, "hotkey");
    return standings.get().getOrDefault(hotkey, PeerStanding.UNREGISTERED);
  }

  /** How many hotkeys may query now. */
  public int size() {
    return standings.get().size();
  }
}

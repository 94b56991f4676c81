package io.aurelius.core.chain.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.PeerDirectory;
import io.aurelius.core.protocol.PeerStanding;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chain node's {@link PeerDirectory}. A chain serves everyone who signs (a hotkey must reach it
 * to register at all, and every write is an extrinsic with its own signature and nonce), so every
 * sender is admitted; its priority in the work queue is its stake, zero for keys not registered.
 * Answers from a snapshot replaced after each block, never blocking.
 */
public final class ChainPeers implements PeerDirectory {
  private final AtomicReference<Map<KeyId, Long>> stakes = new AtomicReference<>(Map.of());

  /** Replaces the snapshot with this metagraph's stakes. */
  public void refresh(Metagraph metagraph) {
    requireNonNull(metagraph, "metagraph");
    Map<KeyId, Long> next = new HashMap<>();
    for (NeuronInfo n : metagraph.neurons()) {
      next.put(n.hotkey(), n.stake());
    }
    stakes.set(Map.copyOf(next));
  }

  @Override
  public PeerStanding standing(KeyId hotkey) {
    requireNonNull(hotkey, "hotkey");
    return new PeerStanding.Registered(stakes.get().getOrDefault(hotkey, 0L));
  }
}

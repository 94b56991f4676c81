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
 * sender is admitted: a registered hotkey under the scheme it registered with, at its stake's
 * priority; any other key at zero priority ({@link PeerStanding.Anyone}). Answers from a snapshot
 * replaced after each block, never blocking.
 */
public final class ChainPeers implements PeerDirectory {
  private final AtomicReference<Map<KeyId, PeerStanding>> standings =
      new AtomicReference<>(Map.of());

  /** Replaces the snapshot with this metagraph's stakes. */
  public void refresh(Metagraph metagraph) {
    requireNonNull(metagraph, "metagraph");
    Map<KeyId, PeerStanding> next = new HashMap<>();
    for (NeuronInfo n : metagraph.neurons()) {
      next.put(n.hotkey(), new PeerStanding.Registered(n.stake(), n.hotkeyScheme()));
    }
    standings.set(Map.copyOf(next));
  }

  @Override
  public PeerStanding standing(KeyId hotkey) {
    requireNonNull(hotkey, "hotkey");
    return standings.get().getOrDefault(hotkey, PeerStanding.ANYONE);
  }
}

package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe, mutable {@link PeerDirectory} held in memory: for tests and devnets. */
public final class InMemoryPeerDirectory implements PeerDirectory {
  private final Map<KeyId, PeerStanding> standings = new ConcurrentHashMap<>();

  public InMemoryPeerDirectory register(KeyId hotkey, long stake) {
    standings.put(requireNonNull(hotkey, "hotkey"), new PeerStanding.Registered(stake));
    return this;
  }

  public InMemoryPeerDirectory ban(KeyId hotkey, String reason) {
    standings.put(requireNonNull(hotkey, "hotkey"), new PeerStanding.Banned(reason));
    return this;
  }

  public InMemoryPeerDirectory remove(KeyId hotkey) {
    standings.remove(requireNonNull(hotkey, "hotkey"));
    return this;
  }

  @Override
  public PeerStanding standing(KeyId hotkey) {
    requireNonNull(hotkey, "hotkey");
    return standings.getOrDefault(hotkey, PeerStanding.UNREGISTERED);
  }
}

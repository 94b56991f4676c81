package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.identity.KeyId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A thread-safe {@link PeerDirectory} held in memory, for tests, devnets and as the snapshot a
 * chain client refreshes: reads are lock-free, and {@link #replaceAll} swaps in a whole new
 * metagraph at once, so no request ever sees half of one.
 */
public final class InMemoryPeerDirectory implements PeerDirectory {
  private final AtomicReference<Map<KeyId, PeerStanding>> standings =
      new AtomicReference<>(Map.of());

  /** Registers a hotkey whose requests are verified under {@code scheme}. */
  public InMemoryPeerDirectory register(KeyId hotkey, KeyScheme scheme, long stake) {
    PeerStanding standing = new PeerStanding.Registered(stake, scheme);
    return update(m -> m.put(requireNonNull(hotkey, "hotkey"), standing));
  }

  /** Registers the hotkey of {@code key}, under its scheme. */
  public InMemoryPeerDirectory register(VerifyingKey key, long stake) {
    requireNonNull(key, "key");
    return register(KeyId.of(key), key.scheme(), stake);
  }

  public InMemoryPeerDirectory ban(KeyId hotkey, String reason) {
    PeerStanding standing = new PeerStanding.Banned(reason);
    return update(m -> m.put(requireNonNull(hotkey, "hotkey"), standing));
  }

  public InMemoryPeerDirectory remove(KeyId hotkey) {
    requireNonNull(hotkey, "hotkey");
    return update(m -> m.remove(hotkey));
  }

  /** Replaces every standing at once; hotkeys not in {@code next} become unregistered. */
  public InMemoryPeerDirectory replaceAll(Map<KeyId, PeerStanding> next) {
    standings.set(Map.copyOf(next));
    return this;
  }

  @Override
  public PeerStanding standing(KeyId hotkey) {
    requireNonNull(hotkey, "hotkey");
    return standings.get().getOrDefault(hotkey, PeerStanding.UNREGISTERED);
  }

  private InMemoryPeerDirectory update(Consumer<Map<KeyId, PeerStanding>> change) {
    standings.updateAndGet(
        current -> {
          Map<KeyId, PeerStanding> copy = new HashMap<>(current);
          change.accept(copy);
          return Map.copyOf(copy);
        });
    return this;
  }
}

package io.aurelius.core.protocol;

import io.aurelius.core.identity.KeyId;

/**
 * Answers, for a sender hotkey, whether it may talk to this node and with what priority. The
 * chain's metagraph implements it in a node; {@link InMemoryPeerDirectory} serves tests and
 * devnets. It is consulted on the event loop for every request, so an implementation must answer
 * from memory without blocking (a snapshot refreshed in the background).
 */
@FunctionalInterface
public interface PeerDirectory {
  PeerStanding standing(KeyId hotkey);
}

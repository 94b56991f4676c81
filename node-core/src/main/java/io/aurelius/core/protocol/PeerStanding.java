package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

/** What the peer directory knows of a hotkey. */
public sealed interface PeerStanding {
  /** Registered on the subnet, with its stake (in the chain's smallest unit). */
  record Registered(long stake) implements PeerStanding {
    public Registered {
      if (stake < 0) {
        throw new IllegalArgumentException("stake: " + stake + " (expected: at least 0)");
      }
    }
  }

  /** Registered but refused by this node (blacklisted), with the reason shown to it. */
  record Banned(String reason) implements PeerStanding {
    public Banned {
      requireNonNull(reason, "reason");
    }
  }

  /** Not registered on the subnet. */
  record Unregistered() implements PeerStanding {}

  PeerStanding UNREGISTERED = new Unregistered();
}

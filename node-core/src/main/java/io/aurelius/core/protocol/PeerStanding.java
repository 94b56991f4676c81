package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;

/** What the peer directory knows of a hotkey. */
public sealed interface PeerStanding {
  /**
   * Registered on the subnet, with its stake (in the chain's smallest unit) and the scheme its key
   * registered under: the one scheme its signed requests are verified with.
   */
  record Registered(long stake, KeyScheme scheme) implements PeerStanding {
    public Registered {
      if (stake < 0) {
        throw new IllegalArgumentException("stake: " + stake + " (expected: at least 0)");
      }
      requireNonNull(scheme, "scheme");
    }
  }

  /** Registered but refused by this node (blacklisted), with the reason shown to it. */
  record Banned(String reason) implements PeerStanding {
    public Banned {
      requireNonNull(reason, "reason");
    }
  }

  /**
   * Not registered, but admitted at zero priority, verified under the scheme its request names. For
   * a service where a sender's identity carries no authority (the chain's: every write there is an
   * extrinsic with its own signature), so there is nothing for a pinned scheme to protect.
   */
  record Anyone() implements PeerStanding {}

  PeerStanding ANYONE = new Anyone();

  /** Not registered on the subnet. */
  record Unregistered() implements PeerStanding {}

  PeerStanding UNREGISTERED = new Unregistered();
}

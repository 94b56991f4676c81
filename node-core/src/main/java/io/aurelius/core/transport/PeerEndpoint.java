package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;

/**
 * Where a peer listens, the hotkey it must answer as and the scheme that hotkey registered under
 * (from the metagraph), the one its signed answers are verified with.
 */
public record PeerEndpoint(String host, int port, KeyId hotkey, KeyScheme scheme) {
  public PeerEndpoint {
    requireNonNull(host, "host");
    requireNonNull(hotkey, "hotkey");
    requireNonNull(scheme, "scheme");
    if (host.isBlank()) {
      throw new IllegalArgumentException("peer host: blank (expected: a host name or IP)");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("peer port: " + port + " (expected: 1..65535)");
    }
  }

  @Override
  public String toString() {
    return hotkey.shortForm() + "@" + host + ":" + port;
  }
}

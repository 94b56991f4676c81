package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;

/** Where a peer listens and the hotkey it must answer as (from the metagraph's axon info). */
public record PeerEndpoint(String host, int port, KeyId hotkey) {
  public PeerEndpoint {
    requireNonNull(host, "host");
    requireNonNull(hotkey, "hotkey");
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

package io.aurelius.core.transport;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.net.InetSocketAddress;

/** A running node server. {@link #close()} stops accepting, drains briefly, and frees threads. */
public interface ProtocolServer extends AutoCloseable {
  /** The bound address (with the real port when the spec asked for port 0). */
  InetSocketAddress address();

  default int port() {
    return address().getPort();
  }

  /** The hotkey the server answers as. */
  KeyId hotkey();

  /** The scheme of its hotkey, which its signed answers are under. */
  KeyScheme scheme();

  /** How a client on this machine reaches it: loopback, its port, hotkey and scheme. */
  default PeerEndpoint loopbackEndpoint() {
    return new PeerEndpoint("127.0.0.1", port(), hotkey(), scheme());
  }

  ServerStats stats();

  @Override
  void close();
}

package io.aurelius.core.transport;

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

  ServerStats stats();

  @Override
  void close();
}

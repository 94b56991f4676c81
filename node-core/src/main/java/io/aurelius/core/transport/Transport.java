package io.aurelius.core.transport;

import io.aurelius.core.protocol.ProtocolIdentity;

/**
 * Opens the signed protocol's servers and clients. Node wiring passes the Netty implementation
 * ({@code NettyTransport}); services that take a {@code Transport} never name the network library.
 */
public interface Transport {
  /** Binds and starts a server for {@code spec}; the caller closes it. */
  ProtocolServer serve(ServerSpec spec);

  /** A client signing as {@code identity}, with threads of its own; the caller closes it. */
  ProtocolClient client(ProtocolIdentity identity, ClientLimits limits);
}

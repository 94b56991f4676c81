package io.aurelius.core.transport.netty;

import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.Transport;

/** The signed protocol on Netty: {@link NettyProtocolServer} and {@link NettyProtocolClient}. */
public final class NettyTransport implements Transport {
  public static final NettyTransport INSTANCE = new NettyTransport();

  private NettyTransport() {}

  @Override
  public ProtocolServer serve(ServerSpec spec) {
    return NettyProtocolServer.start(spec);
  }

  @Override
  public ProtocolClient client(ProtocolIdentity identity, ClientLimits limits) {
    return NettyProtocolClient.create(identity, limits);
  }
}

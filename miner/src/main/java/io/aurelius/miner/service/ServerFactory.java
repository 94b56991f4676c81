package io.aurelius.miner.service;

import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;

/** Starts the node's HTTP server for a spec (node wiring passes the Netty implementation). */
@FunctionalInterface
public interface ServerFactory {
  ProtocolServer start(ServerSpec spec);
}

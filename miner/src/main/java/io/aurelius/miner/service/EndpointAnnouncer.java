package io.aurelius.miner.service;

import java.net.InetSocketAddress;

/**
 * Tells the network where the miner listens, once the port is bound: on a chain, a serve-endpoint
 * extrinsic for the miner's hotkey. A failure fails the service's start.
 */
@FunctionalInterface
public interface EndpointAnnouncer {
  /** Does nothing: for nodes whose validators know the endpoint some other way (tests). */
  EndpointAnnouncer NONE = bound -> {};

  void announce(InetSocketAddress bound) throws Exception;
}

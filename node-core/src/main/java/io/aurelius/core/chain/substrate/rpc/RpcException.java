package io.aurelius.core.chain.substrate.rpc;

import io.aurelius.core.chain.ChainUnavailableException;

/**
 * A JSON-RPC call did not produce a result: no answer in time, connection lost or refused, or an
 * answer that is not JSON-RPC. One line, naming the method and what was expected.
 */
public class RpcException extends ChainUnavailableException {
  private static final long serialVersionUID = 1L;
  private final boolean connectionLost;

  public RpcException(String message) {
    this(message, false, null);
  }

  public RpcException(String message, boolean connectionLost, Throwable cause) {
    super(message, cause);
    this.connectionLost = connectionLost;
  }

  /** Whether the call may not have reached the node, or its answer was lost with the connection. */
  public boolean connectionLost() {
    return connectionLost;
  }
}

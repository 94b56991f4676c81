package io.aurelius.core.chain.substrate.fake;

/** What the fake node does wrong, switched on and off while it runs. */
public enum Fault {
  /** Answers as recorded. */
  NONE,
  /** Answers every request with a frame that is not JSON. */
  GARBAGE,
  /** Cuts the last byte off every hex result (storage values, runtime-API results, metadata). */
  TRUNCATED_SCALE,
  /** Answers every request with JSON-RPC error -32601, as a node without that method. */
  UNKNOWN_METHOD,
  /** Closes the connection after the first notification of any subscription. */
  DISCONNECT_MID_SUBSCRIPTION
}

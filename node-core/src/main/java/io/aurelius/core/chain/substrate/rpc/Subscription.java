package io.aurelius.core.chain.substrate.rpc;

/** A live subscription; closing it sends the unsubscribe method if the connection still lives. */
public interface Subscription extends AutoCloseable {
  /** The id the node gave it. */
  String id();

  /** Whether notifications can still arrive (not closed, connection not lost). */
  boolean active();

  @Override
  void close();
}

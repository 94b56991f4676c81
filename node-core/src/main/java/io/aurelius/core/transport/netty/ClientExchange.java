package io.aurelius.core.transport.netty;

import io.aurelius.core.protocol.ResponseCheck;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.Reply;
import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request in flight on one pooled connection: finishing it completes the caller's future (on
 * the callback executor, never on an event loop) and gives the connection back to its pool, exactly
 * once, whichever of answer, timeout, close or error comes first.
 */
final class ClientExchange {
  private final PeerEndpoint peer;
  private final ResponseCheck.Expected expected;
  private final CompletableFuture<Reply> result;
  private final Executor callbacks;
  private final ChannelPool pool;
  private final AtomicBoolean finished = new AtomicBoolean();

  ClientExchange(
      PeerEndpoint peer,
      ResponseCheck.Expected expected,
      CompletableFuture<Reply> result,
      Executor callbacks,
      ChannelPool pool) {
    this.peer = peer;
    this.expected = expected;
    this.result = result;
    this.callbacks = callbacks;
    this.pool = pool;
  }

  PeerEndpoint peer() {
    return peer;
  }

  ResponseCheck.Expected expected() {
    return expected;
  }

  /** Completes with {@code reply}; closes the connection first unless it may be reused. */
  void finish(Channel channel, Reply reply, boolean reusable) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    if (!reusable) {
      channel.close();
    }
    pool.release(channel);
    NettyProtocolClient.complete(result, reply, callbacks);
  }

  boolean isFinished() {
    return finished.get();
  }
}

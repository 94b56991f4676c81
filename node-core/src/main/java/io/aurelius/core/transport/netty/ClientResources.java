package io.aurelius.core.transport.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads behind clients: event loops for I/O and a small pool that completes callers' futures
 * off the event loops. A client made without one owns its own; many clients (one per hotkey, as in
 * the benchmark) can share one and close it once.
 */
public final class ClientResources implements AutoCloseable {
  private final EventLoopGroup group;
  private final ThreadPoolExecutor callbacks;

  private ClientResources(EventLoopGroup group, ThreadPoolExecutor callbacks) {
    this.group = group;
    this.callbacks = callbacks;
  }

  /**
   * @param ioThreads event loops (0: Netty's default, twice the cores)
   * @param callbackThreads threads completing futures
   */
  public static ClientResources create(String name, int ioThreads, int callbackThreads) {
    if (ioThreads < 0 || callbackThreads < 1) {
      throw new IllegalArgumentException(
          "client threads: io "
              + ioThreads
              + ", callbacks "
              + callbackThreads
              + " (expected: io >= 0, callbacks >= 1)");
    }
    return new ClientResources(
        new MultiThreadIoEventLoopGroup(
            ioThreads, new DefaultThreadFactory(name + "-io", true), NioIoHandler.newFactory()),
        new ThreadPoolExecutor(
            callbackThreads,
            callbackThreads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DefaultThreadFactory(name + "-callback", true)));
  }

  EventLoopGroup group() {
    return group;
  }

  Executor callbacks() {
    return callbacks;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    callbacks.shutdown();
  }
}

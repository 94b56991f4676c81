package io.aurelius.core.transport.netty;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.ServerStats;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one HTTP port on Netty: signed routes under {@code /v1/}, plain routes beside them.
 * {@link #start(ServerSpec)} binds and returns once the port is open.
 */
public final class NettyProtocolServer implements ProtocolServer {
  private static final Logger LOG = LoggerFactory.getLogger(NettyProtocolServer.class);

  private final ServerSpec spec;
  private final EventLoopGroup acceptors;
  private final EventLoopGroup io;
  private final ServerContext context;
  private final ScheduledExecutorService housekeeping;
  private final Channel serverChannel;

  private NettyProtocolServer(ServerSpec spec) throws InterruptedException {
    this.spec = spec;
    ServerLimits limits = spec.limits();
    String name = spec.name();
    context = ServerContext.create(spec);
    housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory(name + "-housekeeping", true));
    housekeeping.scheduleWithFixedDelay(
        () -> {
          context.limiter().forgetIdle();
          context.bulkLimiter().forgetIdle();
        },
        1,
        1,
        TimeUnit.SECONDS);
    acceptors =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory(name + "-accept", true), NioIoHandler.newFactory());
    io =
        new MultiThreadIoEventLoopGroup(
            limits.ioThreads(),
            new DefaultThreadFactory(name + "-io", true),
            NioIoHandler.newFactory());
    try {
      serverChannel =
          new ServerBootstrap()
              .group(acceptors, io)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(new ServerChannelInitializer(context))
              .bind(spec.bind())
              .sync()
              .channel();
    } catch (RuntimeException | InterruptedException e) {
      shutdown(Duration.ZERO);
      throw e;
    }
    LOG.info(
        "serving {} signed routes as {} on {}",
        spec.routes().signedNames().size(),
        spec.identity().hotkey(),
        serverChannel.localAddress());
  }

  /**
   * Binds and starts serving. A port that cannot be bound is an {@link IllegalStateException}
   * naming the address.
   */
  public static ProtocolServer start(ServerSpec spec) {
    requireNonNull(spec, "spec");
    try {
      return new NettyProtocolServer(spec);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + spec.bind(), e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalStateException("cannot listen on " + spec.bind() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  @Override
  public KeyId hotkey() {
    return spec.identity().hotkey();
  }

  @Override
  public KeyScheme scheme() {
    return spec.identity().scheme();
  }

  @Override
  public ServerStats stats() {
    return context.metrics().snapshot();
  }

  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    shutdown(Duration.ofSeconds(2));
  }

  private void shutdown(Duration grace) {
    context.close();
    housekeeping.shutdownNow();
    long quiet = Math.min(100, grace.toMillis());
    io.shutdownGracefully(quiet, grace.toMillis(), TimeUnit.MILLISECONDS)
        .awaitUninterruptibly(grace.toMillis() + 1000);
    acceptors
        .shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS)
        .awaitUninterruptibly(grace.toMillis() + 1000);
  }
}

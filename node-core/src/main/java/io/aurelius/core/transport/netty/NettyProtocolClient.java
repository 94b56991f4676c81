package io.aurelius.core.transport.netty;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ResponseCheck;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import io.aurelius.core.transport.CallProcessor;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolRoute;
import io.aurelius.core.transport.Reply;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The signed-protocol client on Netty: a pool of kept-alive connections per peer, each carrying one
 * request at a time. Every request is signed with btauth/1 as it is sent; every answer is checked
 * ({@link ResponseCheck}) against the hotkey and registered scheme of the peer it was sent to.
 */
public final class NettyProtocolClient implements ProtocolClient {
  private final ProtocolIdentity identity;
  private final ClientLimits limits;
  private final ClientResources resources;
  private final boolean ownsResources;
  private final Bootstrap bootstrap;
  private final Executor callbacks;
  private final Map<InetSocketAddress, FixedChannelPool> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private NettyProtocolClient(
      ProtocolIdentity identity,
      ClientLimits limits,
      ClientResources resources,
      boolean ownsResources) {
    this.identity = identity;
    this.limits = limits;
    this.resources = resources;
    this.ownsResources = ownsResources;
    this.callbacks = resources.callbacks();
    this.bootstrap =
        new Bootstrap()
            .group(resources.group())
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, limits.connectTimeout().toMillis()));
  }

  public static ProtocolClient create(Signer hotkey, ClientLimits limits) {
    return create(ProtocolIdentity.of(requireNonNull(hotkey, "hotkey")), limits);
  }

  /** A client with threads of its own, freed by {@link #close()}. */
  public static ProtocolClient create(ProtocolIdentity identity, ClientLimits limits) {
    requireNonNull(identity, "identity");
    requireNonNull(limits, "limits");
    return new NettyProtocolClient(
        identity, limits, ClientResources.create("aurelius-client", limits.ioThreads(), 2), true);
  }

  /** A client on shared threads; closing it leaves {@code resources} running. */
  public static ProtocolClient create(
      ProtocolIdentity identity, ClientLimits limits, ClientResources resources) {
    requireNonNull(identity, "identity");
    requireNonNull(limits, "limits");
    requireNonNull(resources, "resources");
    return new NettyProtocolClient(identity, limits, resources, false);
  }

  @Override
  public KeyId hotkey() {
    return identity.hotkey();
  }

  @Override
  public CompletableFuture<Reply> send(PeerEndpoint peer, String route, byte[] body) {
    return send(peer, route, body, limits.requestTimeout());
  }

  @Override
  public CompletableFuture<Reply> send(
      PeerEndpoint peer, String route, byte[] body, Duration timeout) {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: positive)");
    }
    requireNonNull(peer, "peer");
    requireNonNull(route, "route");
    requireNonNull(body, "body");
    String path = ProtocolRoute.pathOf(route);
    CompletableFuture<Reply> result = new CompletableFuture<>();
    if (closed) {
      result.complete(new Reply.Failed(Reply.Failure.REJECTED, "client is closed"));
      return result;
    }
    FixedChannelPool pool =
        pools.computeIfAbsent(
            InetSocketAddress.createUnresolved(peer.host(), peer.port()), this::newPool);
    Future<Channel> acquired;
    try {
      acquired = pool.acquire();
    } catch (IllegalStateException e) { // pool closed concurrently
      result.complete(new Reply.Failed(Reply.Failure.REJECTED, "client is closed"));
      return result;
    }
    acquired.addListener(
        f -> {
          if (!f.isSuccess()) {
            Reply.Failure failure =
                f.cause() instanceof IllegalStateException
                    ? Reply.Failure.REJECTED // too many calls waiting, or the client is closing
                    : Reply.Failure.CONNECT;
            complete(
                result,
                new Reply.Failed(failure, "cannot reach " + peer + ": " + f.cause()),
                callbacks);
            return;
          }
          Channel channel = acquired.getNow();
          channel
              .eventLoop()
              .execute(() -> exchange(pool, channel, peer, path, body, timeout, result));
        });
    return result;
  }

  private void exchange(
      FixedChannelPool pool,
      Channel channel,
      PeerEndpoint peer,
      String path,
      byte[] body,
      Duration timeout,
      CompletableFuture<Reply> result) {
    // Signed here, per attempt, so a retry is a fresh nonce and a fresh signature.
    BtAuthHeaders signed = identity.signRequest(peer.hotkey(), path, body);
    ResponseCheck.Expected expected =
        new ResponseCheck.Expected(
            peer.hotkey().address(),
            peer.scheme(),
            identity.hotkey().address(),
            path,
            signed.nonce());
    ClientExchange exchange = new ClientExchange(peer, expected, result, callbacks, pool);
    ClientResponseHandler handler = channel.pipeline().get(ClientResponseHandler.class);
    if (handler == null || !channel.isActive()) {
      exchange.finish(
          channel,
          new Reply.Failed(
              Reply.Failure.CLOSED,
              "connection to " + peer + " closed before the request was sent"),
          false);
      return;
    }
    handler.begin(channel.pipeline().context(handler), exchange, timeout.toNanos());
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.POST, path, Unpooled.wrappedBuffer(body));
    request.headers().set(HttpHeaderNames.HOST, peer.host() + ":" + peer.port());
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, CallProcessor.JSON);
    request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    signed.asMap().forEach((name, value) -> request.headers().set(name, value));
    channel
        .writeAndFlush(request)
        .addListener(
            w -> {
              if (!w.isSuccess()) {
                handler.fail(
                    channel.pipeline().context(handler),
                    Reply.Failure.CLOSED,
                    "cannot send to " + peer + ": " + w.cause());
              }
            });
  }

  private FixedChannelPool newPool(InetSocketAddress address) {
    int maxResponse = limits.maxResponseBytes();
    long idleNanos = limits.idleTimeout().toNanos();
    return new FixedChannelPool(
        bootstrap.clone().remoteAddress(address),
        new AbstractChannelPoolHandler() {
          @Override
          public void channelCreated(Channel ch) {
            ch.pipeline().addLast("http", new HttpClientCodec());
            ch.pipeline().addLast("aggregate", new HttpObjectAggregator(maxResponse));
            ch.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, idleNanos, TimeUnit.NANOSECONDS));
            ch.pipeline().addLast("answers", new ClientResponseHandler(identity.clock()));
          }
        },
        ChannelHealthChecker.ACTIVE,
        FixedChannelPool.AcquireTimeoutAction.FAIL,
        limits.connectTimeout().toMillis(),
        limits.maxConnectionsPerPeer(),
        limits.maxPendingCalls());
  }

  static void complete(CompletableFuture<Reply> result, Reply reply, Executor callbacks) {
    try {
      callbacks.execute(() -> result.complete(reply));
    } catch (RejectedExecutionException e) {
      result.complete(reply); // client closing: complete here rather than never
    }
  }

  @Override
  public void close() {
    closed = true;
    pools.values().forEach(FixedChannelPool::close);
    pools.clear();
    if (ownsResources) {
      resources.close();
    }
  }
}

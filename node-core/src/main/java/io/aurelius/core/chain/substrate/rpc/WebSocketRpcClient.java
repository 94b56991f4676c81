package io.aurelius.core.chain.substrate.rpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * {@link SubstrateRpc} over one WebSocket connection, opened on first use and opened again (with
 * backoff) after it is lost. Progress (connecting, reconnecting, retrying) goes to {@code
 * progress}, one line each.
 */
public final class WebSocketRpcClient implements SubstrateRpc {
  private final URI uri;
  private final RpcSettings settings;
  private final Consumer<String> progress;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();
  private final EventLoopGroup group;
  private final ExecutorService notifications;
  private final SslContext ssl;
  private final Object connecting = new Object();
  private RpcConnection connection;
  private int failures;
  private long nextAttemptNanos;
  private boolean everConnected;
  private volatile boolean closed;

  private WebSocketRpcClient(URI uri, RpcSettings settings, Consumer<String> progress) {
    this.uri = uri;
    this.settings = settings;
    this.progress = progress;
    this.ssl = uri.getScheme().equals("wss") ? clientSsl() : null;
    this.group =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("substrate-rpc-io", true), NioIoHandler.newFactory());
    this.notifications =
        Executors.newSingleThreadExecutor(new DefaultThreadFactory("substrate-rpc-notify", true));
  }

  /**
   * A client of the node at {@code ws://HOST:PORT[/path]} or {@code wss://…}; it connects on first
   * use.
   */
  public static WebSocketRpcClient create(
      URI uri, RpcSettings settings, Consumer<String> progress) {
    requireNonNull(uri, "uri");
    requireNonNull(settings, "settings");
    requireNonNull(progress, "progress");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "substrate endpoint '" + uri + "' (expected: ws://HOST:PORT or wss://HOST:PORT)");
    }
    return new WebSocketRpcClient(uri, settings, progress);
  }

  @Override
  public String endpoint() {
    return uri.toString();
  }

  @Override
  public JsonNode call(String method, List<?> params, Duration timeout) {
    requireNonNull(method, "method");
    requireNonNull(params, "params");
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean retry = SafeMethods.isSafeToRetry(method);
    while (true) {
      try {
        return await(method, send(method, params, null, deadline), deadline);
      } catch (RpcException e) {
        if (!retry || !e.connectionLost() || e instanceof RpcErrorResponse || closed) {
          throw e;
        }
        retry = false;
        progress.accept("retrying " + method + " once: " + e.getMessage());
      }
    }
  }

  @Override
  public Subscription subscribe(
      String subscribeMethod,
      List<?> params,
      String unsubscribeMethod,
      Consumer<JsonNode> onNotification,
      Consumer<RpcException> onEnd,
      Duration timeout) {
    requireNonNull(unsubscribeMethod, "unsubscribeMethod");
    requireNonNull(onNotification, "onNotification");
    requireNonNull(onEnd, "onEnd");
    long deadline = System.nanoTime() + timeout.toNanos();
    RpcConnection.LiveSubscription s =
        new RpcConnection.LiveSubscription(
            subscribeMethod, unsubscribeMethod, onNotification, onEnd, this);
    await(subscribeMethod, send(subscribeMethod, params, s, deadline), deadline);
    return s;
  }

  void unsubscribe(RpcConnection c, String method, String id) {
    long callId = ids.incrementAndGet();
    c.send(callId, method, request(callId, method, List.of(id)), null)
        .orTimeout(10, TimeUnit.SECONDS)
        .whenComplete((r, e) -> c.forget(callId));
  }

  private record Sent(
      RpcConnection connection, long id, java.util.concurrent.CompletableFuture<JsonNode> result) {}

  private Sent send(
      String method, List<?> params, RpcConnection.LiveSubscription s, long deadline) {
    RpcConnection c = connection(method, deadline);
    long id = ids.incrementAndGet();
    return new Sent(c, id, c.send(id, method, request(id, method, params), s));
  }

  private JsonNode await(String method, Sent sent, long deadline) {
    try {
      return sent.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      sent.connection.forget(sent.id);
      throw new RpcException(method + ": no answer from " + uri + " in time");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RpcException r) {
        throw r;
      }
      throw new RpcException(method + ": " + e.getCause(), true, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.connection.forget(sent.id);
      throw new RpcException(method + ": interrupted waiting for " + uri);
    }
  }

  private String request(long id, String method, List<?> params) {
    ObjectNode r = json.createObjectNode();
    r.put("jsonrpc", "2.0");
    r.put("id", id);
    r.put("method", method);
    r.set("params", json.valueToTree(params));
    try {
      return json.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          method + ": params are not JSON: " + e.getOriginalMessage());
    }
  }

  /** The open connection, opening one (after the backoff the last failures earned) if needed. */
  private RpcConnection connection(String method, long deadline) {
    synchronized (connecting) {
      while (true) {
        if (closed) {
          throw new RpcException(method + ": client of " + uri + " is closed");
        }
        if (connection != null && connection.open()) {
          return connection;
        }
        long wait = nextAttemptNanos - System.nanoTime();
        if (wait > 0) {
          if (System.nanoTime() + wait > deadline) {
            throw new RpcException(
                method
                    + ": not connected to "
                    + uri
                    + " ("
                    + failures
                    + " connect attempts failed)",
                true,
                null);
          }
          sleep(wait);
        }
        try {
          connection = open(deadline);
          failures = 0;
          nextAttemptNanos = 0;
          return connection;
        } catch (RpcException e) {
          failures++;
          nextAttemptNanos = System.nanoTime() + settings.backoff(failures).toNanos();
          if (System.nanoTime() >= deadline || !everConnected) {
            throw new RpcException(method + ": " + e.getMessage(), true, e);
          }
          progress.accept(
              e.getMessage()
                  + "; next attempt in "
                  + settings.backoff(failures).toMillis()
                  + " ms");
        }
      }
    }
  }

  private RpcConnection open(long deadline) {
    progress.accept((everConnected ? "reconnecting to " : "connecting to ") + uri);
    RpcConnection c = new RpcConnection(uri.toString(), json, notifications);
    long budget =
        Math.max(1, Math.min(settings.connectTimeout().toNanos(), deadline - System.nanoTime()));
    int port = uri.getPort() > 0 ? uri.getPort() : ssl != null ? 443 : 80;
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(settings.maxMessageBytes())
            .handshakeTimeoutMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(budget)))
            .build();
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(budget)))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (ssl != null) {
                      ch.pipeline().addLast(ssl.newHandler(ch.alloc(), uri.getHost(), port));
                    }
                    ch.pipeline()
                        .addLast(
                            new HttpClientCodec(),
                            new HttpObjectAggregator(64 * 1024),
                            new WebSocketClientProtocolHandler(config),
                            new WebSocketFrameAggregator(settings.maxMessageBytes()),
                            c.new Handler());
                  }
                });
    ChannelFuture connect = b.connect(uri.getHost(), port);
    try {
      if (!connect.await(budget, TimeUnit.NANOSECONDS) || !connect.isSuccess()) {
        connect.channel().close();
        throw new RpcException(
            "cannot connect to "
                + uri
                + ": "
                + (connect.cause() == null ? "timed out" : connect.cause().getMessage()),
            true,
            connect.cause());
      }
      c.handshake.get(Math.max(1, budget), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connect.channel().close();
      throw new RpcException("connect to " + uri + ": interrupted");
    } catch (TimeoutException e) {
      connect.channel().close();
      throw new RpcException("connect to " + uri + ": WebSocket handshake timed out", true, e);
    } catch (ExecutionException e) {
      connect.channel().close();
      throw new RpcException(
          "cannot connect to " + uri + ": WebSocket handshake failed: " + e.getCause().getMessage(),
          true,
          e.getCause());
    }
    everConnected = true;
    return c;
  }

  private static void sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted waiting to reconnect");
    }
  }

  private static SslContext clientSsl() {
    try {
      return SslContextBuilder.forClient().build();
    } catch (SSLException e) {
      throw new IllegalStateException("TLS for wss: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (connecting) {
      if (connection != null) {
        connection.close();
      }
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    notifications.shutdown();
  }
}

package io.aurelius.core.transport.netty;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.transport.TextSocket;
import io.aurelius.core.transport.TextSocketConnector;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * WebSocket client sockets on one event loop: {@code HttpClientCodec}, the handshake, frame and
 * message size limits ({@code WebSocketFrameAggregator}), TLS for {@code wss://} (the JDK's trust
 * store, SNI), and a last handler that hands each text (or binary, read as UTF-8) message to the
 * listener.
 */
public final class NettyTextSocketConnector implements TextSocketConnector {
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(
          1, new DefaultThreadFactory("text-socket-io", true), NioIoHandler.newFactory());
  private volatile SslContext ssl;

  @Override
  public TextSocket connect(
      URI uri, int maxMessageBytes, Duration timeout, TextSocket.Listener listener)
      throws IOException {
    requireNonNull(uri, "uri");
    requireNonNull(listener, "listener");
    boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    long millis = Math.max(1, timeout.toMillis());
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(maxMessageBytes)
            .handshakeTimeoutMillis(millis)
            .build();
    Socket socket = new Socket(listener);
    SslContext context = tls ? ssl() : null;
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, millis))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (context != null) {
                      ch.pipeline().addLast(context.newHandler(ch.alloc(), uri.getHost(), port));
                    }
                    ch.pipeline()
                        .addLast(
                            new HttpClientCodec(),
                            new HttpObjectAggregator(64 * 1024),
                            new WebSocketClientProtocolHandler(config),
                            new WebSocketFrameAggregator(maxMessageBytes),
                            socket.handler);
                  }
                });
    ChannelFuture connect = b.connect(uri.getHost(), port);
    try {
      if (!connect.await(millis, TimeUnit.MILLISECONDS)) {
        connect.channel().close();
        throw new IOException("cannot connect to " + uri + ": timed out");
      }
      if (!connect.isSuccess()) {
        throw new IOException("cannot connect to " + uri + ": " + connect.cause().getMessage());
      }
      socket.channel = connect.channel();
      socket.handshake.get(millis, TimeUnit.MILLISECONDS);
      return socket;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connect.channel().close();
      throw new IOException("connect to " + uri + ": interrupted", e);
    } catch (TimeoutException e) {
      connect.channel().close();
      throw new IOException("connect to " + uri + ": WebSocket handshake timed out", e);
    } catch (ExecutionException e) {
      connect.channel().close();
      throw new IOException(
          "cannot connect to " + uri + ": WebSocket handshake failed: " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  private SslContext ssl() throws IOException {
    SslContext s = ssl;
    if (s == null) {
      try {
        s = SslContextBuilder.forClient().build();
      } catch (SSLException e) {
        throw new IOException("TLS for wss: " + e.getMessage(), e);
      }
      ssl = s;
    }
    return s;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  /** One socket: its channel, its handshake and its last handler. */
  private static final class Socket implements TextSocket {
    private final TextSocket.Listener listener;
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Handler handler = new Handler();
    private volatile Channel channel;

    Socket(TextSocket.Listener listener) {
      this.listener = listener;
    }

    @Override
    public boolean isOpen() {
      Channel c = channel;
      return c != null && c.isActive() && handshake.isDone() && !closed.get();
    }

    @Override
    public CompletableFuture<Void> send(String text) {
      CompletableFuture<Void> sent = new CompletableFuture<>();
      Channel c = channel;
      if (c == null || !c.isActive()) {
        sent.completeExceptionally(new IOException("socket is closed"));
        return sent;
      }
      c.writeAndFlush(new TextWebSocketFrame(text))
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  sent.complete(null);
                } else {
                  sent.completeExceptionally(f.cause());
                }
              });
      return sent;
    }

    @Override
    public void close() {
      Channel c = channel;
      if (c != null) {
        c.close();
      }
    }

    private void closed(String reason) {
      handshake.completeExceptionally(new IOException(reason));
      if (closed.compareAndSet(false, true)) {
        listener.onClosed(reason);
      }
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
      @Override
      public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
          handshake.complete(null);
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
          closed("WebSocket handshake timed out");
          ctx.close();
        }
        super.userEventTriggered(ctx, evt);
      }

      @Override
      protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
          listener.onText(frame.content().toString(StandardCharsets.UTF_8));
        }
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed("connection closed");
        super.channelInactive(ctx);
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String message = String.valueOf(cause.getMessage()).replaceAll("\\s+", " ").strip();
        closed(cause.getClass().getSimpleName() + ": " + message);
        ctx.close();
      }
    }
  }
}

package io.aurelius.core.transport.netty;

import io.aurelius.core.transport.ServerLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The server pipeline: connection limit, request deadline (bytes side), HTTP codec with bounded
 * head, request deadline (message side), keep-alive idle timer, request handler.
 */
final class ServerChannelInitializer extends ChannelInitializer<Channel> {
  private final ServerContext server;

  ServerChannelInitializer(ServerContext server) {
    this.server = server;
  }

  @Override
  protected void initChannel(Channel ch) {
    ServerLimits limits = server.spec().limits();
    if (!server.metrics().tryOpenConnection(limits.maxConnections())) {
      server.metrics().connectionRefused();
      ch.close();
      return;
    }
    ch.closeFuture().addListener(f -> server.metrics().connectionClosed());
    RequestDeadline deadline = new RequestDeadline(limits.requestReadTimeout().toNanos());
    HttpDecoderConfig decoder =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(Math.min(8192, limits.maxHeaderBytes()))
            .setMaxHeaderSize(limits.maxHeaderBytes())
            .setMaxChunkSize(64 * 1024);
    ChannelPipeline p = ch.pipeline();
    p.addLast("deadline-bytes", deadline.byteWatcher());
    p.addLast("http", new HttpServerCodec(decoder));
    p.addLast("deadline-messages", deadline.messageWatcher());
    p.addLast(
        "idle", new IdleStateHandler(limits.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
    p.addLast("requests", new ServerRequestHandler(server));
  }
}

package io.aurelius.core.transport.netty;

import io.aurelius.core.transport.ServerLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The server pipeline: admission (whole-server and per-address connection caps, see {@link
 * ConnectionTable}), first-byte deadline, request deadline (bytes side), HTTP codec with bounded
 * head, request deadline (message side), request activity, keep-alive idle timer, request handler.
 */
final class ServerChannelInitializer extends ChannelInitializer<Channel> {
  private final ServerContext server;
  private final ConnectionTable connections;

  ServerChannelInitializer(ServerContext server) {
    this.server = server;
    ServerLimits limits = server.spec().limits();
    this.connections =
        new ConnectionTable(
            limits.maxConnections(), limits.maxConnectionsPerAddress(), server.metrics());
  }

  @Override
  protected void initChannel(Channel ch) {
    ServerLimits limits = server.spec().limits();
    if (!connections.admit(ch)) {
      server.metrics().connectionRefused();
      // A reset, not a FIN: the refused connection holds nothing on this side afterwards.
      ch.config().setOption(ChannelOption.SO_LINGER, 0);
      ch.close();
      return;
    }
    RequestDeadline deadline = new RequestDeadline(limits.requestReadTimeout().toNanos());
    HttpDecoderConfig decoder =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(Math.min(8192, limits.maxHeaderBytes()))
            .setMaxHeaderSize(limits.maxHeaderBytes())
            .setMaxChunkSize(64 * 1024);
    ChannelPipeline p = ch.pipeline();
    p.addLast(
        "first-byte", new FirstByteDeadline(limits.firstByteTimeout().toNanos(), server.metrics()));
    p.addLast("deadline-bytes", deadline.byteWatcher());
    p.addLast("http", new HttpServerCodec(decoder));
    p.addLast("deadline-messages", deadline.messageWatcher());
    p.addLast("activity", new RequestActivity(connections));
    p.addLast(
        "idle", new IdleStateHandler(limits.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
    p.addLast("requests", new ServerRequestHandler(server));
  }
}

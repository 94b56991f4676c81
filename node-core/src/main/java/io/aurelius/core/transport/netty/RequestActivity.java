package io.aurelius.core.transport.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Tells the {@link ConnectionTable} when a connection is in a request (from its head to the last
 * byte of its answer) and when it is quiet, so only quiet connections give way to new ones. Goes
 * after the HTTP codec; sees messages, not bytes.
 */
final class RequestActivity extends ChannelDuplexHandler {
  private final ConnectionTable table;

  RequestActivity(ConnectionTable table) {
    this.table = table;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      table.busy(ctx.channel());
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    boolean informational =
        msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    if (msg instanceof LastHttpContent && !informational) {
      ctx.write(msg, promise.unvoid()).addListener(f -> table.quiet(ctx.channel()));
      return;
    }
    ctx.write(msg, promise);
  }
}

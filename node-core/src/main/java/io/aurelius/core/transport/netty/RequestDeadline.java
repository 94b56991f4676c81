package io.aurelius.core.transport.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off a client that sends a request too slowly. A read timeout alone cannot: a client
 * trickling one byte a second never lets the connection go idle. So the clock starts at the first
 * byte of a request (seen before the HTTP codec) and stops at its last part (seen after it); if it
 * runs out first, {@link #EXCEEDED} travels down the pipeline and the request handler answers 408
 * and closes. One instance per connection, used only on its event loop.
 */
final class RequestDeadline {
  /** The user event fired when a request took too long to arrive. */
  static final Object EXCEEDED =
      new Object() {
        @Override
        public String toString() {
          return "RequestDeadline.EXCEEDED";
        }
      };

  private final long timeoutNanos;
  private ScheduledFuture<?> timer;

  RequestDeadline(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /** Goes before the HTTP codec: arms the timer on the first bytes of a request. */
  ChannelInboundHandlerAdapter byteWatcher() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (timer == null) {
          timer =
              ctx.executor()
                  .schedule(
                      () -> {
                        timer = null;
                        ctx.fireUserEventTriggered(EXCEEDED);
                      },
                      timeoutNanos,
                      TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
      }
    };
  }

  /** Goes after the HTTP codec: disarms the timer once the request is complete. */
  ChannelInboundHandlerAdapter messageWatcher() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LastHttpContent) {
          disarm();
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}

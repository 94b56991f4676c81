package io.aurelius.core.transport.netty;

import io.aurelius.core.transport.TransportMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that sends nothing within the deadline after it connects. {@link
 * RequestDeadline} starts at the first byte and the idle timer is long, so without this a
 * connection that never speaks would hold its place for the whole idle timeout. Goes first in the
 * pipeline and removes itself at the first byte. Used only on its channel's event loop.
 */
final class FirstByteDeadline extends ChannelInboundHandlerAdapter {
  private final long timeoutNanos;
  private final TransportMetrics metrics;
  private ScheduledFuture<?> timer;

  FirstByteDeadline(long timeoutNanos, TransportMetrics metrics) {
    this.timeoutNanos = timeoutNanos;
    this.metrics = metrics;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      arm(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    arm(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    disarm();
    ctx.pipeline().remove(this);
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    disarm();
    ctx.fireChannelInactive();
  }

  private void arm(ChannelHandlerContext ctx) {
    if (timer == null) {
      timer =
          ctx.executor()
              .schedule(
                  () -> {
                    timer = null;
                    metrics.silentConnectionClosed();
                    ctx.close();
                  },
                  timeoutNanos,
                  TimeUnit.NANOSECONDS);
    }
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}

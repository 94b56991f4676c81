package io.aurelius.core.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The body of a streamed answer as an {@link OutputStream} for a worker thread: bytes are sent in
 * HTTP chunks of up to {@value #CHUNK_BYTES} bytes, and a write waits until the chunk before the
 * last one has reached the socket. So at most two chunks per connection wait in memory however
 * large the body and however slow the client (backpressure); a client that reads nothing for {@code
 * stallLimit} ends the answer with an {@link IOException}.
 */
final class ChunkedBodyStream extends OutputStream {
  static final int CHUNK_BYTES = 64 * 1024;

  private final ChannelHandlerContext ctx;
  private final long stallNanos;
  private ByteBuf pending;
  private ChannelFuture previous;

  ChunkedBodyStream(ChannelHandlerContext ctx, Duration stallLimit) {
    this.ctx = ctx;
    this.stallNanos = stallLimit.toNanos();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      if (pending == null) {
        pending = ctx.alloc().buffer(CHUNK_BYTES, CHUNK_BYTES);
      }
      int n = Math.min(len, CHUNK_BYTES - pending.readableBytes());
      pending.writeBytes(b, off, n);
      off += n;
      len -= n;
      if (pending.readableBytes() == CHUNK_BYTES) {
        send();
      }
    }
  }

  /** Sends what is buffered as a chunk (an empty buffer sends nothing). */
  @Override
  public void flush() throws IOException {
    if (pending != null && pending.isReadable()) {
      send();
    }
  }

  /** Sends the rest and waits until all of it reached the socket. */
  void finish() throws IOException {
    flush();
    awaitPrevious();
  }

  /** Drops what was not sent, after a failure. */
  void discard() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }

  private void send() throws IOException {
    ByteBuf chunk = pending;
    pending = null;
    ChannelFuture written = ctx.writeAndFlush(new DefaultHttpContent(chunk));
    awaitPrevious();
    previous = written;
  }

  private void awaitPrevious() throws IOException {
    if (previous == null) {
      return;
    }
    try {
      if (!previous.await(stallNanos, TimeUnit.NANOSECONDS)) {
        throw new IOException(
            "client read nothing for " + stallNanos / 1_000_000 + " ms (expected: a reader)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the client was reading");
    }
    if (!previous.isSuccess()) {
      throw new IOException("connection lost: " + previous.cause(), previous.cause());
    }
  }
}

package io.aurelius.core.transport.netty;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body copied out of Netty's buffers as it arrives (so no pooled buffer outlives its
 * read), bounded by the route's limit, holding a reservation of the server's {@link BufferBudget}
 * until {@link #releaseBudget()}.
 */
final class BodyBuffer {
  private final int limit;
  private final BufferBudget budget;
  private final long reserved;
  private final AtomicBoolean released = new AtomicBoolean();
  private byte[] bytes;
  private int size;

  BodyBuffer(int limit, long declaredLength, BufferBudget budget, long reserved) {
    this.limit = limit;
    this.budget = budget;
    this.reserved = reserved;
    int initial =
        declaredLength >= 0 ? (int) Math.min(declaredLength, limit) : Math.min(8192, limit);
    this.bytes = new byte[initial];
  }

  /** Appends; false (nothing appended) if the body would exceed the limit. */
  boolean append(ByteBuf content) {
    int n = content.readableBytes();
    if ((long) size + n > limit) {
      return false;
    }
    if (size + n > bytes.length) {
      bytes =
          Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) size + n, 2L * bytes.length)));
    }
    content.getBytes(content.readerIndex(), bytes, size, n);
    size += n;
    return true;
  }

  int limit() {
    return limit;
  }

  byte[] toByteArray() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  void releaseBudget() {
    if (released.compareAndSet(false, true)) {
      budget.release(reserved);
    }
  }
}

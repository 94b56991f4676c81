package io.aurelius.core.transport.netty;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes of request bodies the server may hold at once, across all connections. */
final class BufferBudget {
  private final long max;
  private final AtomicLong used = new AtomicLong();

  BufferBudget(long max) {
    this.max = max;
  }

  boolean tryReserve(long bytes) {
    while (true) {
      long now = used.get();
      if (now + bytes > max) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  long used() {
    return used.get();
  }
}

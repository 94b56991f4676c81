package io.aurelius.core.transport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** The live counters behind {@link ServerStats}; updated from any thread. */
public final class TransportMetrics {
  private final LongAdder[] byStatus = new LongAdder[600];
  private final LongAdder handlerCalls = new LongAdder();
  private final LongAdder connectionsRefused = new LongAdder();
  private final LongAdder connectionsDisplaced = new LongAdder();
  private final LongAdder silentConnectionsClosed = new LongAdder();
  private final LongAdder slowRequestsCut = new LongAdder();
  private final AtomicInteger openConnections = new AtomicInteger();
  private volatile IntSupplier queued = () -> 0;

  public TransportMetrics() {
    for (int i = 0; i < byStatus.length; i++) {
      byStatus[i] = new LongAdder();
    }
  }

  public void response(int status) {
    if (status >= 0 && status < byStatus.length) {
      byStatus[status].increment();
    }
  }

  public void handlerCall() {
    handlerCalls.increment();
  }

  public void connectionRefused() {
    connectionsRefused.increment();
  }

  public void connectionDisplaced() {
    connectionsDisplaced.increment();
  }

  public void silentConnectionClosed() {
    silentConnectionsClosed.increment();
  }

  public void slowRequestCut() {
    slowRequestsCut.increment();
  }

  /** Counts a new connection; the server's admission decides whether it may stay. */
  public void connectionOpened() {
    openConnections.incrementAndGet();
  }

  public void connectionClosed() {
    openConnections.decrementAndGet();
  }

  public void queueDepth(IntSupplier supplier) {
    this.queued = supplier;
  }

  public ServerStats snapshot() {
    Map<Integer, Long> counts = new TreeMap<>();
    for (int i = 0; i < byStatus.length; i++) {
      long n = byStatus[i].sum();
      if (n > 0) {
        counts.put(i, n);
      }
    }
    return new ServerStats(
        counts,
        handlerCalls.sum(),
        connectionsRefused.sum(),
        connectionsDisplaced.sum(),
        silentConnectionsClosed.sum(),
        slowRequestsCut.sum(),
        queued.getAsInt(),
        openConnections.get());
  }
}

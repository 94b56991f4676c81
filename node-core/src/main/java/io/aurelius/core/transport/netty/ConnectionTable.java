package io.aurelius.core.transport.netty;

import io.aurelius.core.transport.TransportMetrics;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Admission of connections: at most {@code max} open, at most {@code maxPerAddress} from one IP
 * address. At either bound a new connection does not simply lose: it displaces the connection that
 * has been quiet longest (one that never sent a request before one idle between requests), and only
 * if every connection concerned is in the middle of a request is the new one closed. So a client
 * holding a thousand silent connections cannot lock out a caller, or {@code /healthz}, that sends
 * its request as soon as it connects. One lock guards the table; it is taken on connect, on close
 * and twice per request.
 */
final class ConnectionTable {
  private final int max;
  private final int maxPerAddress;
  private final TransportMetrics metrics;
  private final Map<Channel, Entry> open = new HashMap<>();
  private final Map<InetAddress, Integer> perAddress = new HashMap<>();
  private long sequence;

  private static final class Entry {
    private final InetAddress address;
    private boolean used;
    private boolean busy;
    private long quietSince;

    Entry(InetAddress address, long quietSince) {
      this.address = address;
      this.quietSince = quietSince;
    }
  }

  ConnectionTable(int max, int maxPerAddress, TransportMetrics metrics) {
    this.max = max;
    this.maxPerAddress = maxPerAddress;
    this.metrics = metrics;
  }

  /**
   * Registers {@code ch}, first closing the quietest connection in its way if a bound is reached;
   * false if nothing could give way (the caller closes {@code ch}).
   */
  boolean admit(Channel ch) {
    Channel displaced = null;
    synchronized (this) {
      InetAddress address = address(ch);
      if (address != null && perAddress.getOrDefault(address, 0) >= maxPerAddress) {
        displaced = quietest(e -> address.equals(e.address));
      } else if (open.size() >= max) {
        displaced = quietest(e -> true);
      }
      if (displaced == null && (open.size() >= max || atAddressBound(address))) {
        return false;
      }
      if (displaced != null) {
        remove(displaced);
      }
      open.put(ch, new Entry(address, ++sequence));
      if (address != null) {
        perAddress.merge(address, 1, Integer::sum);
      }
    }
    metrics.connectionOpened();
    ch.closeFuture().addListener(f -> closed(ch));
    if (displaced != null) {
      metrics.connectionDisplaced();
      displaced.close();
    }
    return true;
  }

  /** A request has begun on {@code ch}: it cannot be displaced until it is answered. */
  synchronized void busy(Channel ch) {
    Entry e = open.get(ch);
    if (e != null) {
      e.used = true;
      e.busy = true;
    }
  }

  /** The answer on {@code ch} has been written: it is idle from now. */
  synchronized void quiet(Channel ch) {
    Entry e = open.get(ch);
    if (e != null) {
      e.busy = false;
      e.quietSince = ++sequence;
    }
  }

  synchronized int size() {
    return open.size();
  }

  private synchronized void closed(Channel ch) {
    remove(ch);
  }

  /** Guarded by this; counts the close once, whether displaced or closed by either side. */
  private boolean remove(Channel ch) {
    Entry e = open.remove(ch);
    if (e == null) {
      return false;
    }
    if (e.address != null) {
      perAddress.computeIfPresent(e.address, (a, n) -> n == 1 ? null : n - 1);
    }
    metrics.connectionClosed();
    return true;
  }

  private boolean atAddressBound(InetAddress address) {
    return address != null && perAddress.getOrDefault(address, 0) >= maxPerAddress;
  }

  /** Guarded by this: the quiet connection to give way first, or null. */
  private Channel quietest(Predicate<Entry> among) {
    Channel best = null;
    Entry bestEntry = null;
    for (Map.Entry<Channel, Entry> candidate : open.entrySet()) {
      Entry e = candidate.getValue();
      if (e.busy || !among.test(e)) {
        continue;
      }
      if (bestEntry == null
          || (bestEntry.used && !e.used)
          || (bestEntry.used == e.used && e.quietSince < bestEntry.quietSince)) {
        best = candidate.getKey();
        bestEntry = e;
      }
    }
    return best;
  }

  private static InetAddress address(Channel ch) {
    return ch.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
  }
}

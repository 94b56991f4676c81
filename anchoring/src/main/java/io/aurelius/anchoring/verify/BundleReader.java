package io.aurelius.anchoring.verify;

import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads entry bundles in order, a few ahead on a second thread, so inflating the next bundle from
 * git overlaps hashing and checking this one. At most {@value #AHEAD} bundles are in flight, so
 * memory stays flat. Only bundle reads run on the second thread (git reads open their own object
 * readers); tiles stay on the caller's.
 */
final class BundleReader implements AutoCloseable {
  private static final int AHEAD = 3;

  private final LogSnapshot head;
  private final long bundles;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "verify-bundle-reader");
            t.setDaemon(true);
            return t;
          });
  private final Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
  private long next;

  BundleReader(LogSnapshot head, long bundles) {
    this.head = head;
    this.bundles = bundles;
  }

  /** The bytes of the next bundle, in order from bundle 0. */
  byte[] next() throws LogException {
    while (inFlight.size() < AHEAD && next < bundles) {
      long b = next++;
      inFlight.add(executor.submit(() -> head.bundleBytes(b)));
    }
    Future<byte[]> f = inFlight.poll();
    if (f == null) {
      throw new IllegalStateException("no bundle left to read");
    }
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogException("interrupted while reading entries", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LogException l) {
        throw l;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new LogException("reading entries: " + cause, cause);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's bounded pool for protocol work, served highest stake first (Bittensor's priority
 * pool). At most {@code capacity} jobs wait; when the queue is full, a job with more stake than the
 * lowest waiting one pushes that one out ({@link Job#evicted()}), otherwise it is refused. A job
 * that waited longer than {@code maxWait} is never run: it gets {@link Job#expired}, from a worker
 * or from the sweeper thread, whichever sees it first. Threads are named {@code <name>-worker-N}
 * and {@code <name>-sweeper}.
 */
public final class StakePriorityExecutor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StakePriorityExecutor.class);

  /** A unit of work and the answers for when it cannot run. Callbacks must not throw. */
  public interface Job {
    /** Runs on a worker thread; {@code waitedNanos} is the time spent queued. */
    void run(long waitedNanos);

    /** Waited longer than the limit; answer 408. */
    void expired(long waitedNanos);

    /** Pushed out by work with more stake, or the executor closed; answer 503. */
    void evicted();
  }

  private record Entry(long stake, long seq, long enqueuedAt, Job job) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::stake).reversed().thenComparingLong(Entry::seq);

  private final int capacity;
  private final long maxWaitNanos;
  private final ProtocolClock clock;
  private final TreeSet<Entry> queue = new TreeSet<>(ORDER);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition nonEmpty = lock.newCondition();
  private final Condition closing = lock.newCondition();
  private final AtomicLong sequence = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  public StakePriorityExecutor(
      String name, int workers, int capacity, Duration maxWait, ProtocolClock clock) {
    requireNonNull(name, "name");
    if (workers < 1) {
      throw new IllegalArgumentException("workers: " + workers + " (expected: at least 1)");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: at least 1)");
    }
    requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("maxWait: " + maxWait + " (expected: positive)");
    }
    this.capacity = capacity;
    this.maxWaitNanos = maxWait.toNanos();
    this.clock = requireNonNull(clock, "clock");
    for (int i = 0; i < workers; i++) {
      threads.add(start(name + "-worker-" + i, this::work));
    }
    threads.add(start(name + "-sweeper", this::sweep));
  }

  /**
   * Queues a job. Returns false, and never calls the job, if the queue is full of work with at
   * least as much stake, or the executor is closed.
   */
  public boolean submit(long stake, Job job) {
    requireNonNull(job, "job");
    Entry entry = new Entry(stake, sequence.getAndIncrement(), clock.monotonicNanos(), job);
    Entry pushedOut = null;
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      if (queue.size() >= capacity) {
        Entry lowest = queue.last();
        if (lowest.stake() >= stake) {
          return false;
        }
        queue.pollLast();
        pushedOut = lowest;
      }
      queue.add(entry);
      nonEmpty.signal();
    } finally {
      lock.unlock();
    }
    if (pushedOut != null) {
      pushedOut.job().evicted();
    }
    return true;
  }

  public int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  private void work() {
    while (true) {
      Entry next;
      lock.lock();
      try {
        while (queue.isEmpty() && !closed) {
          nonEmpty.awaitUninterruptibly();
        }
        if (closed) {
          return;
        }
        next = queue.pollFirst();
      } finally {
        lock.unlock();
      }
      long waited = clock.monotonicNanos() - next.enqueuedAt();
      try {
        if (waited > maxWaitNanos) {
          next.job().expired(waited);
        } else {
          next.job().run(waited);
        }
      } catch (RuntimeException | Error e) {
        LOG.error("protocol job failed outside its own error handling", e);
      }
    }
  }

  private void sweep() {
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), maxWaitNanos / 4);
    while (!closed) {
      List<Entry> expired = new ArrayList<>();
      lock.lock();
      try {
        closing.awaitNanos(period); // any wake-up is fine: this is only a periodic pass
        long now = clock.monotonicNanos();
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
          Entry e = it.next();
          if (now - e.enqueuedAt() > maxWaitNanos) {
            it.remove();
            expired.add(e);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      long now = clock.monotonicNanos();
      for (Entry e : expired) {
        try {
          e.job().expired(now - e.enqueuedAt());
        } catch (RuntimeException | Error ex) {
          LOG.error("protocol job expiry failed", ex);
        }
      }
    }
  }

  /** Stops the threads (running jobs finish); jobs still queued are evicted. */
  @Override
  public void close() {
    List<Entry> left;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      left = new ArrayList<>(queue);
      queue.clear();
      nonEmpty.signalAll();
      closing.signalAll();
    } finally {
      lock.unlock();
    }
    for (Entry e : left) {
      e.job().evicted();
    }
  }

  /** Waits for the threads to end after {@link #close()}; true if they all did in time. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedJoin(t, left);
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }

  private static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}

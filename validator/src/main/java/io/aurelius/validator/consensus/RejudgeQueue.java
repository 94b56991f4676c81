package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.worldmodel.transcript.Aene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peers' proposals waiting to be judged again by this validator's own judges. A few worker threads
 * of its own take batches off a bounded queue, so a request handler never waits on a judge: the
 * handler schedules and answers at once, and the peer polls for the verdicts, which are signed and
 * stored in the {@link ConsensusBook} as each batch is done. A batch that finds the queue full is
 * not scheduled; the peer's next poll schedules it again. An aene whose judging failed {@link
 * #MAX_FAILURES} times is given up (this validator abstains on it).
 */
public final class RejudgeQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RejudgeQueue.class);
  static final int MAX_FAILURES = 3;

  private final ConsensusBook book;
  private final Signer key;
  private final Rejudge rejudge;
  private final ThreadPoolExecutor workers;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  /**
   * @param threads batches judged at once (their judge calls share the judges' own pool)
   * @param capacity batches that may wait
   */
  public RejudgeQueue(ConsensusBook book, Signer key, Rejudge rejudge, int threads, int capacity) {
    this.book = requireNonNull(book, "book");
    this.key = requireNonNull(key, "key");
    this.rejudge = requireNonNull(rejudge, "rejudge");
    if (threads < 1 || capacity < 1) {
      throw new IllegalArgumentException(
          "re-judge queue: "
              + threads
              + " threads, capacity "
              + capacity
              + " (expected: both at least 1)");
    }
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(capacity),
            r -> {
              Thread t = new Thread(r, "validator-rejudge-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    workers.allowCoreThreadTimeOut(true);
  }

  /** Aenes scheduled or being judged now (a queue depth). */
  public int depth() {
    return inFlight.size();
  }

  boolean inFlight(long epoch, String aeneId) {
    return inFlight.contains(epoch + "/" + aeneId);
  }

  boolean givenUp(long epoch, String aeneId) {
    return failures.getOrDefault(epoch + "/" + aeneId, 0) >= MAX_FAILURES;
  }

  /**
   * Schedules one batch of a peer's proposals; false when the queue is full (nothing scheduled).
   */
  boolean schedule(long epoch, List<Proposal> batch) {
    if (batch.isEmpty()) {
      return true;
    }
    List<String> keys = batch.stream().map(p -> epoch + "/" + p.aeneId()).toList();
    inFlight.addAll(keys);
    try {
      workers.execute(() -> judge(epoch, batch, keys));
      return true;
    } catch (RejectedExecutionException full) {
      keys.forEach(inFlight::remove);
      return false;
    }
  }

  private void judge(long epoch, List<Proposal> batch, List<String> keys) {
    try {
      List<Aene> aenes = batch.stream().map(Proposal::aene).toList();
      Map<String, Rejudge.Judgement> judged = rejudge.judge(aenes);
      List<SignedVerdict> mine = new ArrayList<>();
      for (Proposal p : batch) {
        Rejudge.Judgement j = judged.get(p.aeneId());
        if (j == null) {
          failures.merge(epoch + "/" + p.aeneId(), 1, Integer::sum);
          continue;
        }
        mine.add(
            SignedVerdict.sign(
                epoch,
                p.aeneId(),
                p.verdict().proposer(),
                p.verdict().miner(),
                j.approve(),
                j.dlv(),
                j.acceptance(),
                key));
      }
      book.record(epoch, List.of(), mine);
    } catch (RuntimeException e) {
      LOG.warn("epoch {}: re-judging {} aenes failed: {}", epoch, batch.size(), e.toString());
      keys.forEach(k -> failures.merge(k, 1, Integer::sum));
    } finally {
      keys.forEach(inFlight::remove);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}

package io.aurelius.validator.publish;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.anchoring.stamping.StampRun;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stamps the corpus log's checkpoints in the background, on its own thread, never in an epoch step:
 * a calendar that hangs or is down costs this thread its timeout and nothing else. Every round
 * submits each checkpoint that has no stamp yet, retries {@code .pending} records and asks the
 * calendars to upgrade pending proofs; a round that fails is logged and the next one tries again.
 * {@link #nudge()} runs a round soon (at start, after each epoch), besides one every {@code every}.
 */
public final class CheckpointStamping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStamping.class);

  private final CorpusAnchor corpus;
  private final CheckpointStamper stamper;
  private final Consumer<StampRun> report;
  private final ScheduledExecutorService thread;

  public CheckpointStamping(
      CorpusAnchor corpus, CheckpointStamper stamper, Duration every, Consumer<StampRun> report) {
    this.corpus = requireNonNull(corpus, "corpus");
    this.stamper = requireNonNull(stamper, "stamper");
    this.report = requireNonNull(report, "report");
    requireNonNull(every, "every");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("stamp interval: " + every + " (expected: > 0)");
    }
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "validator-stamps");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        this::roundQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks for a round soon, e.g. after the epoch appended a checkpoint. */
  public void nudge() {
    if (!thread.isShutdown()) {
      thread.execute(this::roundQuietly);
    }
  }

  /** Runs one round on the caller's thread (tests; the background rounds use the same code). */
  public synchronized StampRun round() throws LogException {
    StampRun run = corpus.stamp(stamper);
    report.accept(run);
    return run;
  }

  private void roundQuietly() {
    try {
      round();
    } catch (LogException | RuntimeException e) {
      // A calendar is never the cause here (its failures are in the run); the log is. The next
      // round tries again.
      LOG.warn("stamping round failed: {}", e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.aurelius.miner.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.service.AbstractService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the metagraph into a {@link ValidatorDirectory} when it starts (failing the start if the
 * chain cannot be read, so a miner never serves with an empty directory by accident) and then every
 * interval on its own thread; a failed refresh keeps the last snapshot.
 */
public final class MetagraphSync extends AbstractService {
  private static final Logger LOG = LoggerFactory.getLogger(MetagraphSync.class);
  private static final Logger STATUS = LoggerFactory.getLogger("aurelius.status.miner");

  private final Chain chain;
  private final ValidatorDirectory directory;
  private final Duration interval;
  private ScheduledExecutorService executor;
  private volatile long lastBlock = -1;

  public MetagraphSync(Chain chain, ValidatorDirectory directory, Duration interval) {
    this.chain = requireNonNull(chain, "chain");
    this.directory = requireNonNull(directory, "directory");
    this.interval = requireNonNull(interval, "interval");
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval: " + interval + " (expected: positive)");
    }
  }

  @Override
  public String name() {
    return "metagraph-sync";
  }

  /** The block of the last metagraph read, or -1 before the first. */
  public long lastBlock() {
    return lastBlock;
  }

  @Override
  protected void doStart() {
    Metagraph first = chain.metagraph();
    apply(first);
    STATUS.info(
        "metagraph at block {}: {} neurons, {} hotkeys may query",
        first.block(),
        first.size(),
        directory.size());
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "metagraph-sync");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      apply(chain.metagraph());
    } catch (RuntimeException e) {
      LOG.warn(
          "metagraph refresh failed; keeping the one from block {}: {}", lastBlock, e.getMessage());
    }
  }

  private void apply(Metagraph metagraph) {
    directory.refresh(metagraph);
    lastBlock = metagraph.block();
  }

  @Override
  protected void doStop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}

package io.aurelius.core.chain.dev;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.service.AbstractService;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals a block of the dev chain every block interval on its own thread and reports it. It stops
 * after {@code maxBlocks} blocks (0 = until stopped) or when a block cannot be stored; {@link
 * #awaitDone} returns then.
 */
public final class BlockProducer extends AbstractService {
  private static final Logger LOG = LoggerFactory.getLogger(BlockProducer.class);

  private final DevChain chain;
  private final long intervalMillis;
  private final long maxBlocks;
  private final Consumer<SealedBlock> onBlock;
  private final CountDownLatch done = new CountDownLatch(1);
  private ScheduledExecutorService executor;
  private long produced;
  private volatile Throwable failure;

  public BlockProducer(
      DevChain chain, long intervalMillis, long maxBlocks, Consumer<SealedBlock> onBlock) {
    this.chain = requireNonNull(chain, "chain");
    this.onBlock = requireNonNull(onBlock, "onBlock");
    if (intervalMillis < 1 || maxBlocks < 0) {
      throw new IllegalArgumentException(
          "interval "
              + intervalMillis
              + " ms, max blocks "
              + maxBlocks
              + " (expected: interval >= 1, max blocks >= 0)");
    }
    this.intervalMillis = intervalMillis;
    this.maxBlocks = maxBlocks;
  }

  @Override
  public String name() {
    return "dev-chain-blocks";
  }

  @Override
  protected void doStart() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dev-chain-blocks");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      SealedBlock block = chain.seal();
      onBlock.accept(block);
      produced++;
      if (maxBlocks > 0 && produced >= maxBlocks) {
        finish();
      }
    } catch (RuntimeException e) {
      LOG.error("dev chain stopped producing blocks", e);
      failure = e;
      finish();
    }
  }

  private void finish() {
    done.countDown();
    executor.shutdown();
  }

  /** Waits until the producer finished (its block budget, a failure, or a stop). */
  public void awaitDone() throws InterruptedException {
    done.await();
  }

  /** The failure that stopped block production, if any. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  protected void doStop() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
    done.countDown();
  }
}

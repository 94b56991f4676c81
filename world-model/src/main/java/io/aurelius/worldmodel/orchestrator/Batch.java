package io.aurelius.worldmodel.orchestrator;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.transcript.RunObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many configurations at once on a bounded pool of run threads ({@code world-run-N}); each run
 * waits on its agents' calls, so the model endpoints, not this pool, set the pace. Results come
 * back in the order of the specs.
 */
public final class Batch {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private Batch() {}

  /**
   * Runs every spec, at most {@code parallelism} at a time; {@code observer} must be thread-safe.
   * Returns when all have ended.
   */
  public static List<RunResult> run(List<RunSpec> specs, int parallelism, RunObserver observer)
      throws InterruptedException {
    requireNonNull(specs, "specs");
    requireNonNull(observer, "observer");
    if (parallelism < 1 || parallelism > 4096) {
      throw new IllegalArgumentException("parallelism: " + parallelism + " (expected: 1..4096)");
    }
    if (specs.isEmpty()) {
      return List.of();
    }
    int threads = Math.min(parallelism, specs.size());
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "world-run-" + pool + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (RunSpec spec : specs) {
        futures.add(executor.submit(() -> Orchestrator.run(spec, observer)));
      }
      List<RunResult> results = new ArrayList<>();
      for (Future<RunResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          // Orchestrator.run reports its own failures; anything here is an observer's.
          throw new IllegalStateException(
              "a run could not be reported: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
          // Stop the runs and let each record how far it got before giving up.
          executor.shutdownNow();
          executor.awaitTermination(10, TimeUnit.SECONDS);
          throw e;
        }
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }
}

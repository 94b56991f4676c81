package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs scenarios in both framings for seeds 1..n on a small pool. The transcripts come back in
 * scenario, seed, framing order whatever order the runs finish in, so the epoch they form (and its
 * novelty order) does not depend on the number of threads.
 */
public final class Runs {
  private Runs() {}

  public static List<Transcript> simulate(
      List<Scenario> scenarios,
      AgentModel agents,
      int seeds,
      int threads,
      Consumer<String> progress) {
    requireNonNull(scenarios, "scenarios");
    requireNonNull(agents, "agents");
    requireNonNull(progress, "progress");
    if (threads < 1) {
      throw new IllegalArgumentException("threads: " + threads + " (expected: at least 1)");
    }
    List<RunSpec> specs = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (int seed = 1; seed <= seeds; seed++) {
        for (Framing framing : Framing.values()) {
          specs.add(new RunSpec(s.config(), framing, seed, agents));
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger done = new AtomicInteger();
      List<Future<Transcript>> futures = new ArrayList<>();
      for (RunSpec spec : specs) {
        futures.add(
            pool.submit(
                () -> {
                  Transcript t = Orchestrator.run(spec, RunObserver.NONE).transcript();
                  int n = done.incrementAndGet();
                  if (n % 20 == 0 || n == specs.size()) {
                    progress.accept("simulated " + n + " of " + specs.size() + " runs");
                  }
                  return t;
                }));
      }
      List<Transcript> out = new ArrayList<>();
      for (Future<Transcript> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}

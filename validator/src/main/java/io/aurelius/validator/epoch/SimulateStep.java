package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.core.identity.OwnerOnlyFiles;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.transcript.TranscriptWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4: runs every admitted configuration ({@link Simulation}: both framings, the seeds), writes
 * its transcripts to {@code <runs>/<epoch>/<config>.jsonl} atomically and records the outcome per
 * configuration, so a restart simulates only what has no record yet.
 */
final class SimulateStep implements EpochStep<Submissions, Simulations> {
  private static final Logger LOG = LoggerFactory.getLogger(SimulateStep.class);

  /** Configurations simulated at once; their runs' model calls share the endpoints' own limits. */
  static final int CONCURRENT_CONFIGURATIONS = 4;

  private final ValidatorStore store;
  private final Simulation simulation;
  private final Path runsDir;
  private final EpochListener listener;
  private final AtomicInteger pending = new AtomicInteger();
  private final Supplier<ModuleSet> worldModel;

  /**
   * @param worldModel the adopted modules the configurations' imports resolve against (append-only,
   *     so it holds everything admission resolved against)
   */
  SimulateStep(
      ValidatorStore store,
      Simulation simulation,
      Path runsDir,
      EpochListener listener,
      Supplier<ModuleSet> worldModel) {
    this.worldModel = requireNonNull(worldModel, "worldModel");
    this.store = requireNonNull(store, "store");
    this.simulation = requireNonNull(simulation, "simulation");
    this.runsDir = requireNonNull(runsDir, "runsDir");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.SIMULATE;
  }

  /** Admitted configurations of the running epoch not yet simulated (a queue depth). */
  int pending() {
    return pending.get();
  }

  @Override
  public Simulations run(long epoch, Submissions submissions) throws InterruptedException {
    if (!store.done(epoch, Steps.SIMULATE)) {
      List<Submissions.AdmittedConfiguration> todo =
          submissions.configurations().stream()
              .filter(c -> store.item(epoch, Steps.RUN, c.configId()).isEmpty())
              .toList();
      pending.set(todo.size());
      try {
        simulate(epoch, todo);
      } finally {
        pending.set(0);
      }
    }
    Map<String, Records.Simulated> out = new HashMap<>();
    store
        .items(epoch, Steps.RUN)
        .forEach((id, b) -> out.put(id, StoredJson.read(b, Records.Simulated.class)));
    return new Simulations(epochDir(epoch), out);
  }

  /**
   * Runs up to {@link #CONCURRENT_CONFIGURATIONS} configurations at once: with hosted models a run
   * waits seconds on every step, so configurations one after another would take the epoch. Each is
   * recorded as soon as it is done.
   */
  private void simulate(long epoch, List<Submissions.AdmittedConfiguration> todo)
      throws InterruptedException {
    AtomicInteger ran = new AtomicInteger();
    ExecutorService configs =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(CONCURRENT_CONFIGURATIONS, todo.size())),
            r -> {
              Thread t = new Thread(r, "validator-simulate");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Submissions.AdmittedConfiguration c : todo) {
        running.add(
            configs.submit(
                () -> {
                  simulateOne(epoch, c, ran);
                  return null;
                }));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          running.forEach(x -> x.cancel(true));
          Throwable cause = e.getCause();
          if (cause instanceof InterruptedException ie) {
            throw ie;
          }
          throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
      }
    } finally {
      configs.shutdownNow();
    }
    store.markDone(epoch, Steps.SIMULATE);
    listener.step(epoch, Steps.SIMULATE, ran.get() + " configurations simulated");
  }

  private void simulateOne(long epoch, Submissions.AdmittedConfiguration c, AtomicInteger ran)
      throws InterruptedException {
    String id = c.configId();
    CompiledConfig config =
        ConfigLoader.load(
            c.configuration().document(), "submission of " + c.record().miner(), worldModel.get());
    Simulation.Result result = simulation.run(epoch, config);
    Records.Simulated record;
    if (result instanceof Simulation.Result.Ran done) {
      Path file = writeTranscripts(epoch, id, done.runs());
      record =
          new Records.Simulated(
              id, "ok", done.runs().size() + " runs", file.getFileName().toString());
      ran.incrementAndGet();
    } else {
      Simulation.Result.Refused refused = (Simulation.Result.Refused) result;
      record = new Records.Simulated(id, refused.outcome().code(), refused.reason(), "");
      LOG.warn("epoch {}: {}", epoch, refused.reason());
    }
    store.putItem(epoch, Steps.RUN, id, StoredJson.bytes(record));
    pending.decrementAndGet();
    if (result instanceof Simulation.Result.Ran done) {
      listener.simulated(epoch, id, done.runs());
    }
  }

  private Path epochDir(long epoch) {
    return runsDir.resolve(Long.toString(epoch));
  }

  private Path writeTranscripts(long epoch, String configId, List<RunResult> runs) {
    try {
      Path dir = epochDir(epoch);
      OwnerOnlyFiles.createDirectories(dir);
      Path file = dir.resolve(configId + ".jsonl");
      Path temp = Files.createTempFile(dir, "." + configId, ".tmp");
      try (TranscriptWriter writer = TranscriptWriter.create(temp)) {
        for (RunResult r : runs) {
          writer.started(r.header());
          r.steps().forEach(s -> writer.stepped(r.header(), s));
          writer.ended(r.header(), r.end());
        }
        writer.force();
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "epoch " + epoch + ": cannot write transcripts of " + configId + ": " + e.getMessage(),
          e);
    }
  }
}

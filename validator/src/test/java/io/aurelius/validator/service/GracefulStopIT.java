package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.service.Service;
import io.aurelius.core.transport.netty.NettyTransport;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.store.ValidatorStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, finding 2: a graceful stop (SIGTERM) during the anchor step stopped it half-way: the
 * epoch loop was interrupted whatever step it was in, and JGit gave up moving the corpus ref. A
 * stop now lets the anchor step finish and ends the epoch at the boundary after it; a step that
 * waits on peers (cosigning) is interrupted and records nothing, so the restart does it again.
 */
class GracefulStopIT {
  @TempDir Path dir;

  @Test
  void aStopDuringTheAnchorStepLetsItFinishAndStopsAtTheNextBoundary() throws Exception {
    try (TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1)))) {
      net.sealUntilEpoch(3);
      stopDuring(net, "anchor", () -> {});

      try (ValidatorStore store = ValidatorStore.open(stateDb(net))) {
        assertThat(store.done(3, "anchor")).as("the anchor step finished").isTrue();
        assertThat(store.done(3, "cosign")).as("no step started after the stop").isFalse();
      }
      ValidatorService restarted = net.validator(0, TestNet.settings(net.home(0)));
      EpochReport report = restarted.runEpoch(3);
      assertThat(report.aenesAccepted()).isPositive();
      assertThat(report.checkpoint().orElseThrow().size())
          .as("each accepted aene anchored once")
          .isEqualTo(report.aenesAccepted());
    }
  }

  /**
   * Two validators: A is stopped while it asks B to cosign. Before, the interrupted step was stored
   * as done with no cosignature, and B was never asked again.
   */
  @Test
  void aStopWhileCosigningRecordsNothingAndTheRestartAsksThePeerAgain() throws Exception {
    try (TestNet net =
        new TestNet(
            dir, 2, List.of(TestNet.catalogue(0), TestNet.catalogue(3), TestNet.catalogue(5)))) {
      ValidatorService b = net.validator(1, TestNet.settings(net.home(1)));
      net.sealUntilEpoch(3);
      CompletableFuture<EpochReport> bRuns = new CompletableFuture<>();
      stopDuring(
          net,
          "cosign",
          () ->
              bRuns.completeAsync(
                  () -> {
                    try {
                      return b.runEpoch(3);
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  }));

      try (ValidatorStore store = ValidatorStore.open(stateDb(net))) {
        assertThat(store.done(3, "anchor")).isTrue();
        assertThat(store.done(3, "cosign")).as("an interrupted cosign is not recorded").isFalse();
      }
      bRuns.get(120, TimeUnit.SECONDS);
      ValidatorService restarted = net.validator(0, TestNet.settings(net.home(0)));
      EpochReport report = restarted.runEpoch(3);
      assertThat(report.checkpoint().orElseThrow().cosigners())
          .as("B asked again after the restart")
          .containsExactly(b.hotkey().address());
    }
  }

  /**
   * Starts validator 0 with its epoch loop and stops it (as SIGTERM does, from another thread) as
   * {@code step} begins: stop() is under way before the step does its work. {@code peers} starts
   * the other validators' epochs once its endpoint is on the chain. Returns once it has stopped.
   */
  private static void stopDuring(TestNet net, String step, Runnable peers) throws Exception {
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    ValidatorService[] self = new ValidatorService[1];
    ValidatorService v =
        ValidatorService.builder(TestNet.settings(net.home(0)), net.validatorKeys.get(0))
            .chain(net.chain)
            .transport(NettyTransport.INSTANCE)
            .announce("127.0.0.1")
            .maxEpochs(1)
            .listener(
                new EpochListener() {
                  @Override
                  public void stepStarting(long epoch, String name) {
                    if (name.equals(step)) {
                      new Thread(
                              () -> {
                                try {
                                  self[0].stop();
                                  stopped.complete(null);
                                } catch (Exception | Error e) {
                                  stopped.completeExceptionally(e);
                                }
                              },
                              "sigterm")
                          .start();
                      awaitStopping(self[0]);
                    }
                  }
                })
            .build();
    self[0] = v;
    v.start();
    net.chain.seal(); // the announced endpoint, for the peers
    peers.run();
    stopped.get(60, TimeUnit.SECONDS);
    assertThat(v.state()).isEqualTo(Service.State.STOPPED);
  }

  private static void awaitStopping(ValidatorService v) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (v.state() == Service.State.RUNNING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    // stop() has begun; give it the moment it takes to ask the pipeline to stop.
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Path stateDb(TestNet net) {
    return net.home(0).resolve("validator").resolve("state.db");
  }
}

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
 * epoch loop was interrupted whatever step it was in. A stop now lets the anchor step finish and
 * stops the epoch at the boundary after it; the restart goes on from there.
 */
class StopDuringAnchorIT {
  @TempDir Path dir;

  @Test
  void aStopDuringTheAnchorStepLetsItFinishAndStopsAtTheNextBoundary() throws Exception {
    try (TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1)))) {
      net.sealUntilEpoch(3);
      CompletableFuture<Void> stopped = new CompletableFuture<>();
      ValidatorService[] self = new ValidatorService[1];
      ValidatorService v =
          ValidatorService.builder(TestNet.settings(net.home(0)), net.validatorKeys.get(0))
              .chain(net.chain)
              .transport(NettyTransport.INSTANCE)
              .maxEpochs(1)
              .listener(
                  new EpochListener() {
                    @Override
                    public void stepStarting(long epoch, String step) {
                      if (step.equals("anchor")) {
                        // The SIGTERM arrives while the step runs: stop() is under way before
                        // the step does its work.
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
      stopped.get(60, TimeUnit.SECONDS);
      assertThat(v.state()).isEqualTo(Service.State.STOPPED);

      try (ValidatorStore store =
          ValidatorStore.open(net.home(0).resolve("validator").resolve("state.db"))) {
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
}

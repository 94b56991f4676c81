package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.validator.epoch.EpochReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two validators of equal stake (so neither reaches the 2/3 quorum alone) and three miners: they
 * exchange verdicts, agree on the same aenes, append identical batches and cosign each other's
 * checkpoints.
 */
class TwoValidatorsIT {
  @TempDir Path dir;

  @Test
  void validatorsAgreeOnTheCorpusAndCosignEachOthersCheckpoints() throws Exception {
    try (TestNet net =
        new TestNet(
            dir, 2, List.of(TestNet.catalogue(0), TestNet.catalogue(3), TestNet.catalogue(5)))) {
      ValidatorService a = net.validator(0, TestNet.settings(net.home(0)));
      ValidatorService b = net.validator(1, TestNet.settings(net.home(1)));
      net.sealUntilEpoch(3);
      long epoch = a.chainEpoch();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CompletableFuture<EpochReport> ra =
            CompletableFuture.supplyAsync(() -> run(a, epoch), pool);
        CompletableFuture<EpochReport> rb =
            CompletableFuture.supplyAsync(() -> run(b, epoch), pool);
        EpochReport first = ra.join();
        EpochReport second = rb.join();
        assertThat(first.aenesAccepted()).isPositive();
        assertThat(first.aenesConsidered()).isGreaterThanOrEqualTo(first.aenesProposed());
        assertThat(second.aenesAccepted()).isEqualTo(first.aenesAccepted());
        EpochReport.CheckpointInfo ca = first.checkpoint().orElseThrow();
        EpochReport.CheckpointInfo cb = second.checkpoint().orElseThrow();
        assertThat(ca.size()).isEqualTo(cb.size()).isEqualTo(first.aenesAccepted());
        assertThat(ca.root()).as("identical entries in the same order").isEqualTo(cb.root());
        assertThat(ca.cosigners()).containsExactly(b.hotkey().address());
        assertThat(cb.cosigners()).containsExactly(a.hotkey().address());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static EpochReport run(ValidatorService v, long epoch) {
    try {
      return v.runEpoch(epoch);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}

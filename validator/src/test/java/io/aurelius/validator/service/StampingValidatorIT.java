package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.ots.BitcoindRpcClient;
import io.aurelius.anchoring.ots.BlockHeaderSource;
import io.aurelius.anchoring.ots.CalendarClient;
import io.aurelius.anchoring.ots.DetachedTimestamp;
import io.aurelius.anchoring.ots.StampStatus;
import io.aurelius.anchoring.ots.Stamper;
import io.aurelius.anchoring.ots.TestCalendar;
import io.aurelius.anchoring.ots.TimestampVerifier;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.validator.epoch.EpochReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator stamping its checkpoints with a local OpenTimestamps calendar: a calendar that hangs
 * through a whole epoch does not hold it up (weights are committed); the checkpoint is stamped
 * pending once the calendar answers, and upgraded to a Bitcoin attestation after the calendar
 * confirms it, with no one asking but the validator.
 */
class StampingValidatorIT {
  @TempDir Path dir;

  @Test
  void checkpointsAreStampedOffTheEpochAndUpgradedWhenTheCalendarConfirms() throws Exception {
    try (TestCalendar calendar = new TestCalendar();
        TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1)))) {
      CheckpointStamper stamper =
          new CheckpointStamper(
              new Stamper(new CalendarClient(Duration.ofSeconds(30)), List.of(calendar.uri())));
      calendar.hold();
      ValidatorService v =
          net.validator(
              0,
              TestNet.settings(net.home(0)),
              new MetricsRegistry(),
              b -> b.stamping(stamper, Duration.ofMillis(200)));
      net.sealUntilEpoch(3);
      EpochReport first = v.runEpoch(v.chainEpoch());
      long size = first.checkpoint().orElseThrow().size();
      assertThat(size).isPositive();
      assertThat(first.weights().action())
          .as("the epoch ends while the calendar hangs")
          .isEqualTo("committed");
      await(() -> calendar.requests() > 0, "a request to the calendar");
      assertThat(stamps(v).stampedSizes()).isEmpty();

      calendar.release();
      await(() -> stamps(v).stampedSizes().contains(size), "stamp of checkpoint " + size);
      assertThat(status(v, size, Optional.empty())).isEqualTo(StampStatus.PENDING);

      calendar.mine();
      BitcoindRpcClient rpc = new BitcoindRpcClient(calendar.rpcUri(), Duration.ofSeconds(5));
      await(
          () -> status(v, size, Optional.of(rpc)) == StampStatus.VERIFIED,
          "upgrade of checkpoint " + size);
    }
  }

  private static LogSnapshot stamps(ValidatorService v) throws Exception {
    try (GitLog log = GitLog.open(v.corpusRepository())) {
      return log.head();
    }
  }

  private static StampStatus status(
      ValidatorService v, long size, Optional<BlockHeaderSource> headers) throws Exception {
    LogSnapshot head = stamps(v);
    byte[] proof = head.read(LogPaths.stamp(size)).orElseThrow();
    return new TimestampVerifier(headers)
        .verify(DetachedTimestamp.read(proof, "stamp"), CheckpointStamper.stampedBytes(head, size))
        .status();
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private static void await(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!check.holds()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}

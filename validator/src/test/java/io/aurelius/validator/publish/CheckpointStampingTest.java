package io.aurelius.validator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.ots.BitcoindRpcClient;
import io.aurelius.anchoring.ots.BlockHeaderSource;
import io.aurelius.anchoring.ots.CalendarClient;
import io.aurelius.anchoring.ots.DetachedTimestamp;
import io.aurelius.anchoring.ots.PythonOts;
import io.aurelius.anchoring.ots.StampReport;
import io.aurelius.anchoring.ots.StampStatus;
import io.aurelius.anchoring.ots.Stamper;
import io.aurelius.anchoring.ots.TestCalendar;
import io.aurelius.anchoring.ots.TimestampVerifier;
import io.aurelius.anchoring.ots.UnaryOp;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.anchoring.stamping.StampRun;
import io.aurelius.anchoring.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator's background stamping against a local OpenTimestamps calendar: a new checkpoint is
 * stamped pending and later upgraded once the calendar confirms it in a block; a calendar that
 * fails leaves a pending record that later rounds retry; a calendar that hangs never holds up an
 * append. The upgraded proof is read by the reference implementation (python3-opentimestamps).
 */
class CheckpointStampingTest {
  private static final Duration RARELY = Duration.ofHours(1);

  @Test
  void aNewCheckpointIsStampedPendingThenUpgradedOnceTheCalendarConfirms(@TempDir Path dir)
      throws Exception {
    List<StampRun> reported = new CopyOnWriteArrayList<>();
    try (TestCalendar calendar = new TestCalendar();
        CorpusAnchor corpus = open(dir);
        CheckpointStamping stamping =
            new CheckpointStamping(corpus, stamper(calendar), RARELY, reported::add)) {
      corpus.append(0, Fixtures.entries(0, 3));

      StampRun first = stamping.round();
      assertThat(first.stamped()).containsExactly(3L);
      assertThat(status(corpus, 3, Optional.empty())).isEqualTo(StampStatus.PENDING);

      StampRun unconfirmed = stamping.round();
      assertThat(unconfirmed.upgraded()).isEmpty();
      assertThat(unconfirmed.stillPending()).containsExactly(3L);

      long height = calendar.mine();
      StampRun upgraded = stamping.round();
      assertThat(upgraded.upgraded()).containsExactly(3L);
      BitcoindRpcClient rpc = new BitcoindRpcClient(calendar.rpcUri(), Duration.ofSeconds(5));
      assertThat(status(corpus, 3, Optional.of(rpc))).isEqualTo(StampStatus.VERIFIED);
      assertThat(reported).hasSize(3);

      byte[] proof = corpus.snapshot().read(LogPaths.stamp(3)).orElseThrow();
      if (PythonOts.available()) {
        List<String> python = PythonOts.read(dir, proof);
        byte[] text = corpus.checkpoint(3).text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(python.get(0)).isEqualTo(HexFormat.of().formatHex(UnaryOp.SHA256.digest(text)));
        assertThat(python.get(1)).isEqualTo("True");
        assertThat(python)
            .anyMatch(l -> l.endsWith("BitcoinBlockHeaderAttestation(" + height + ")"));
      }

      // The regular path: a nudge (the service's after each epoch) stamps the next checkpoint.
      corpus.append(3, Fixtures.entries(3, 2));
      stamping.nudge();
      awaitStamp(corpus, 5);
      assertThat(corpus.snapshot().pendingStampSizes()).isEmpty();
    }
  }

  @Test
  void aFailingCalendarLeavesTheStampPendingAndLaterRoundsRetryIt(@TempDir Path dir)
      throws Exception {
    try (TestCalendar calendar = new TestCalendar();
        CorpusAnchor corpus = open(dir);
        CheckpointStamping stamping =
            new CheckpointStamping(corpus, stamper(calendar), RARELY, run -> {})) {
      corpus.append(0, Fixtures.entries(0, 3));
      calendar.down(true);

      StampRun failed = stamping.round();
      assertThat(failed.recordedPending()).containsExactly(3L);
      assertThat(failed.failures()).singleElement().asString().contains("503");
      assertThat(corpus.snapshot().pendingStampSizes()).containsExactly(3L);
      assertThat(corpus.snapshot().stampedSizes()).isEmpty();

      int asked = calendar.requests();
      StampRun again = stamping.round();
      assertThat(calendar.requests()).isGreaterThan(asked);
      assertThat(again.stillPending()).containsExactly(3L);

      calendar.down(false);
      StampRun recovered = stamping.round();
      assertThat(recovered.stamped()).containsExactly(3L);
      assertThat(corpus.snapshot().pendingStampSizes()).isEmpty();
      assertThat(status(corpus, 3, Optional.empty())).isEqualTo(StampStatus.PENDING);
    }
  }

  @Test
  void aHangingCalendarNeverHoldsUpAnAppend(@TempDir Path dir) throws Exception {
    try (TestCalendar calendar = new TestCalendar();
        CorpusAnchor corpus = open(dir);
        CheckpointStamping stamping =
            new CheckpointStamping(corpus, stamper(calendar), RARELY, run -> {})) {
      corpus.append(0, Fixtures.entries(0, 3));
      calendar.hold();
      stamping.nudge();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (calendar.requests() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(calendar.requests()).as("the round reached the calendar").isPositive();

      // The round waits on the calendar; the epoch's append and checkpoint reads do not.
      assertTimeoutPreemptively(
          Duration.ofSeconds(3),
          () -> {
            corpus.append(3, Fixtures.entries(3, 2));
            corpus.checkpoint(5);
          });

      calendar.release();
      awaitStamp(corpus, 3);
      // The round's commit landed on the newer head: the append is kept.
      assertThat(corpus.size()).isEqualTo(5);
      stamping.round();
      assertThat(corpus.snapshot().stampedSizes()).containsExactly(3L, 5L);
    }
  }

  private static CorpusAnchor open(Path dir) throws Exception {
    return CorpusAnchor.open(
        dir.resolve("corpus.git"), Fixtures.ORIGIN, Fixtures.key(1), Fixtures.CLOCK);
  }

  private static CheckpointStamper stamper(TestCalendar calendar) {
    return new CheckpointStamper(
        new Stamper(new CalendarClient(Duration.ofSeconds(5)), List.of(calendar.uri())));
  }

  private static StampStatus status(CorpusAnchor corpus, long size, Optional<BitcoindRpcClient> rpc)
      throws Exception {
    LogSnapshot head = corpus.snapshot();
    byte[] proof = head.read(LogPaths.stamp(size)).orElseThrow();
    StampReport report =
        new TimestampVerifier(rpc.<BlockHeaderSource>map(r -> r))
            .verify(
                DetachedTimestamp.read(proof, "stamp"), CheckpointStamper.stampedBytes(head, size));
    return report.status();
  }

  private static void awaitStamp(CorpusAnchor corpus, long size) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!corpus.snapshot().stampedSizes().contains(size)) {
      assertThat(System.nanoTime()).as("stamp for " + size).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}

package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.ots.TestCalendar;
import io.aurelius.node.cli.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet given a local OpenTimestamps calendar: each validator stamps its corpus checkpoints,
 * pending first, and upgrades them once the calendar confirms; {@code corpus verify} then reports
 * the checkpoint verified in a Bitcoin block against the calendar's bitcoind-style RPC.
 */
class StampedDevnetIT {
  @TempDir Path work;

  @Test
  void theDevnetsCheckpointsAreStampedAndUpgraded() throws Exception {
    try (TestCalendar calendar = new TestCalendar();
        Devnet devnet =
            Devnet.start(
                DevnetSettings.defaults(work.resolve("devnet"))
                    .withOtsCalendars(List.of(calendar.uri())),
                line -> {})) {
      devnet.runEpochs(1);
      DevnetValidator v = devnet.validators().get(0);
      long size = v.reports().get(0).checkpoint().orElseThrow().size();
      Path corpus = v.service().corpusRepository();
      await(() -> head(corpus).stampedSizes().contains(size), "stamp of checkpoint " + size);

      calendar.mine();
      String rpc = calendar.rpcUri().toString();
      await(
          () ->
              verify(corpus, rpc)
                  .out()
                  .contains("checkpoint " + size + ": verified in Bitcoin block "),
          "upgrade of checkpoint " + size);
      CommandRunner.Result verified = verify(corpus, rpc);
      assertThat(verified.exitCode()).as(verified.err()).isZero();
      assertThat(verified.out()).contains("Bitcoin block").contains(" bitcoin-verified");
    }
  }

  private CommandRunner.Result verify(Path corpus, String rpc) {
    return new CommandRunner(Map.of("AURELIUS_HOME", work.resolve("home").toString()), work)
        .run(
            "corpus",
            "verify",
            corpus.toString(),
            "--trust-repository-keys",
            "--seen-dir",
            work.resolve("seen").toString(),
            "--bitcoin-rpc",
            rpc);
  }

  private static LogSnapshot head(Path repo) throws Exception {
    try (GitLog log = GitLog.open(repo)) {
      return log.head();
    }
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private static void await(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!check.holds()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}

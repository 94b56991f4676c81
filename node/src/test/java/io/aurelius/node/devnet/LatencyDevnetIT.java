package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.worldmodel.sim.server.LatencyDistribution;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet whose sim model and sim judge answer with hosted-model timing: every agent and judge
 * call takes 2 to 8 s, 5% are answered 429, and the server wants its bearer key. Both validators
 * run two epochs; each epoch completes on both, peers re-judge each other's proposals within the
 * verdict deadline (so aenes reach the quorum and checkpoints are cosigned), every miner is
 * admitted, and weights are accepted: nothing times out that should not.
 */
class LatencyDevnetIT {
  @TempDir Path work;

  @Test
  void epochsCompleteAndConsensusIsReachedWhenEveryModelCallTakesSeconds() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    DevnetSettings settings =
        DevnetSettings.defaults(work.resolve("devnet"))
            .withModelFaults(
                new LatencyDistribution.Uniform(Duration.ofSeconds(2), Duration.ofSeconds(8)),
                0.05);
    try (Devnet devnet = Devnet.start(settings, lines::add)) {
      long started = System.nanoTime();
      devnet.runEpochs(2);
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;

      for (DevnetValidator v : devnet.validators()) {
        List<EpochReport> reports = v.reports();
        assertThat(reports).as(v.name() + " epochs").hasSize(2);
        for (EpochReport r : reports) {
          String what = v.name() + " epoch " + r.epoch();
          assertThat(r.submissions())
              .as(what + " submissions")
              .hasSize(3)
              .allSatisfy(s -> assertThat(s.outcome()).as(s.message()).isEqualTo("admitted"));
          assertThat(r.aenesProposed()).as(what + " proposed").isPositive();
          assertThat(r.aenesAccepted()).as(what + " accepted by the quorum").isPositive();
          assertThat(r.checkpoint()).as(what + " checkpoint").isPresent();
          assertThat(r.checkpoint().get().cosigners()).as(what + " cosigners").hasSize(1);
          assertThat(r.weights().status()).as(what + " weights").isEqualTo("accepted");
        }
      }
      assertThat(lines)
          .as("every exchange reached its peer")
          .filteredOn(l -> l.contains(" verdicts "))
          .hasSize(4)
          .allMatch(l -> l.endsWith("to 1 of 1 peers"));
      assertThat(devnet.simStats().rateLimited()).as("429s were served").isPositive();
      assertThat(devnet.simStats().badRequests()).as("requests without the key").isZero();
      System.out.printf(
          "latency devnet: 2 epochs in %d s, %d model and judge calls, %d answered 429%n",
          seconds, devnet.simStats().requests(), devnet.simStats().rateLimited());
    }
  }
}

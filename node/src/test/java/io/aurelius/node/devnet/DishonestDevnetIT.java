package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.validator.epoch.EpochReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet whose second validator always approves: every aene it ran is proposed, every aene it is
 * asked about approved, each at probability 0.99. The honest validator declines the weak ones, the
 * quorum rejects them, and the log score takes the dishonest validator's trust below the honest
 * one's; its quorum weight shrinks and the summary prints both.
 */
class DishonestDevnetIT {
  @TempDir Path work;

  @Test
  void theAlwaysApprovingValidatorsTrustFallsBelowTheHonestOnesAndItsWeightShrinks()
      throws Exception {
    DevnetSettings settings =
        DevnetSettings.defaults(work.resolve("devnet")).withDishonestValidator(true);
    try (Devnet devnet = Devnet.start(settings, line -> {})) {
      devnet.runEpochs(2);
      DevnetSummary summary = devnet.summary();
      for (String seenBy : List.of("validator-1", "validator-2")) {
        Map<String, Double> trust = summary.trust(seenBy);
        assertThat(trust).as("trust held by " + seenBy).containsKeys("validator-1", "validator-2");
        assertThat(trust.get("validator-2"))
            .as("the dishonest validator's trust, as " + seenBy + " computed it")
            .isLessThan(trust.get("validator-1"));
        Map<String, Double> factor = summary.weightFactors(seenBy);
        assertThat(factor.get("validator-2")).as("its stake counts for less").isLessThan(1.0);
        assertThat(factor.get("validator-1")).as("the honest one's for more").isGreaterThan(1.0);
      }
      DevnetValidator honest = devnet.validators().get(0);
      List<EpochReport.TrustStanding> first = honest.reports().get(0).trust();
      assertThat(first).allSatisfy(t -> assertThat(t.weightBefore()).isEqualTo(1.0));
      StringWriter printed = new StringWriter();
      summary.print(new PrintWriter(printed));
      assertThat(printed.toString())
          .contains(
              "validator trust (Proof of Trust; quorum weight = stake × f(trust − mean trust)):")
          .containsPattern(
              "by validator-1 +validator-2 +trust +-\\d+ mT .* quorum share +40\\.0% → +\\d\\.\\d%");
      System.out.println(printed);
    }
  }
}

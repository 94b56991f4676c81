package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.node.cli.CommandRunner;
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
 * one's; its quorum weight shrinks and the summary prints both. The exported corpus carries each
 * entry's run's ULFR lens.
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
      DevnetValidator dishonest = devnet.validators().get(1);
      String metrics =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + dishonest.port() + "/metrics"))
                      .timeout(java.time.Duration.ofSeconds(10))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics)
          .as("its own trust and quorum factor in /metrics")
          .containsPattern("(?m)^aurelius_validator_trust -\\d")
          .containsPattern("(?m)^aurelius_validator_trust_quorum_factor 0\\.\\d")
          .containsPattern("(?m)^aurelius_validator_trust_lowest -\\d");
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

      List<String> export = new java.util.ArrayList<>(summary.verifyCorpusArguments());
      export.set(1, "export");
      export.add("--format");
      export.add("jsonl");
      CommandRunner.Result exported =
          new CommandRunner(Map.of(), work).run(export.toArray(String[]::new));
      assertThat(exported.exitCode()).as(exported.err()).isZero();
      List<String> records = exported.out().lines().filter(l -> l.startsWith("{")).toList();
      assertThat(records).as("exported corpus records").isNotEmpty();
      for (String line : records) {
        JsonNode outcome =
            Json.parse(line, "record", JsonLimits.UNTRUSTED).path("entry").path("outcome");
        assertThat(outcome.path("weights").asText()).as("ULFR in " + line).isEqualTo("ulfr-v1");
        assertThat(outcome.path("runs").asInt()).isEqualTo(1);
        assertThat(outcome.path("score").isNumber()).isTrue();
      }
    }
  }
}

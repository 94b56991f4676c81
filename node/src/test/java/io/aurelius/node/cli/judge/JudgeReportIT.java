package io.aurelius.node.cli.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.TestData;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence that the judge measures something, with the embedded stack (sim agents; embedded
 * and sim judges): on the bundled catalogue and SN37's examples, configurations labelled GOOD
 * score above those labelled BAD on average, and every canary stays below the threshold.
 */
class JudgeReportIT {
  @TempDir
  Path dir;

  @Test
  void goodOutscoresBadAndEveryCanaryStaysBelowTheThreshold() throws Exception {
    CommandRunner.Result r = new CommandRunner(Map.of(), dir).run("judge", "report", "--sn37",
        TestData.path("aurelius-v1").toString(), "--json", "--canary-seed", "report");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    JsonNode report = Json.parse(r.out(), "report", JsonLimits.UNTRUSTED);
    System.out.println(r.out());
    assertThat(report.path("configurations").size()).isGreaterThanOrEqualTo(16);
    assertThat(report.path("good_mean").asDouble()).isGreaterThan(report.path("bad_mean").asDouble());
    assertThat(report.path("canaries_held").asInt()).isEqualTo(report.path("canaries").asInt());
    assertThat(report.path("canaries").asInt()).isEqualTo(4 * report.path("configurations").size());
    assertThat(report.path("holds").asBoolean()).isTrue();
    assertThat(report.path("judges").asText()).contains("[embedded]").contains("[sim]");
  }
}

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
 * Evidence that the judge measures something, with the embedded stack (sim agents; embedded and sim
 * judges): the bundled catalogue scores above its degraded copies (the development set the features
 * were tuned on), configurations labelled GOOD score above those labelled BAD overall, and every
 * canary stays below the threshold. The separation within SN37 (out of sample) is printed, not
 * asserted: it is not robust across seeds (docs/judging.md §9).
 */
class JudgeReportIT {
  @TempDir Path dir;

  @Test
  void goodOutscoresBadAndEveryCanaryStaysBelowTheThreshold() throws Exception {
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir)
            .run(
                "judge",
                "report",
                "--sn37",
                TestData.path("aurelius-v1").toString(),
                "--json",
                "--canary-seed",
                "report");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    JsonNode report = Json.parse(r.out(), "report", JsonLimits.UNTRUSTED);
    System.out.println(r.out());
    // 8 catalogue, 8 degraded copies (one kind each, in turn), 9 SN37 examples.
    assertThat(report.path("configurations").size()).isGreaterThanOrEqualTo(24);
    assertThat(report.path("good_mean").asDouble())
        .isGreaterThan(report.path("bad_mean").asDouble());
    JsonNode dev = report.path("dev");
    assertThat(dev.path("bad").asInt()).isEqualTo(8);
    assertThat(dev.path("good_mean").asDouble())
        .isGreaterThan(dev.path("bad_mean").asDouble() + 0.03);
    assertThat(dev.path("auc").asDouble()).isGreaterThanOrEqualTo(0.75);
    for (String kind : new String[] {"keyword-stuffed", "trivial-choice", "vague"}) {
      JsonNode k = dev.path("kinds").path(kind);
      assertThat(k.path("bad").asInt()).as(kind).isGreaterThan(0);
      assertThat(k.path("good_mean").asDouble())
          .as(kind)
          .isGreaterThan(k.path("bad_mean").asDouble());
    }
    JsonNode sn37 = report.path("sn37");
    assertThat(sn37.path("good").asInt()).isEqualTo(4);
    assertThat(sn37.path("bad").asInt()).isEqualTo(5);
    assertThat(report.path("canaries_held").asInt()).isEqualTo(report.path("canaries").asInt());
    assertThat(report.path("canaries").asInt()).isEqualTo(4 * report.path("configurations").size());
    assertThat(report.path("holds").asBoolean()).isTrue();
    assertThat(report.path("judges").asText()).contains("[embedded]").contains("[sim]");
  }
}

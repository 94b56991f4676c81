package io.aurelius.node.cli.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetCommandTest {
  @TempDir Path work;

  @Test
  void badModelTimingIsOneLineAndExitsTwoBeforeAnythingStarts() {
    String[][] cases = {
      {
        "--model-latency",
        "uniform:2s",
        "--model-latency: 'uniform:2s' (expected: fixed:D, uniform:MIN..MAX or"
            + " lognormal:MEDIAN,SIGMA"
      },
      {"--model-latency", "soon", "--model-latency: 'soon'"},
      {"--model-rate-limit-rate", "0.9", "--model-rate-limit-rate: 0.9 (expected: 0..0.5)"},
      {
        "--ots-calendar",
        "calendar.example",
        "--ots-calendar: 'calendar.example' (expected: http(s)://host[:port][/path])"
      },
      {"--module", "nosuch", "--module: 'nosuch' (expected: one of [promises, whisper, recollect]"},
    };
    for (String[] c : cases) {
      CommandRunner.Result r =
          new CommandRunner(Map.of(), work)
              .run("devnet", "--home", work.resolve("dn").toString(), c[0], c[1]);
      assertThat(r.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).contains(c[2]);
      assertThat(r.err().strip().lines()).as(c[0]).hasSize(1);
    }
    assertThat(Files.exists(work.resolve("dn"))).as("nothing started").isFalse();
  }
}

package io.aurelius.node.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the protocol benchmark for real, briefly, and checks it prints its figures. */
class ProtocolBenchCommandIT {
  @TempDir Path dir;

  @Test
  void printsRoundTripsLatencyVerifyRateTheirRatioAndSignatureTimes() {
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir)
            .run(
                "bench",
                "protocol",
                "--clients",
                "4",
                "--warmup-seconds",
                "0",
                "--max-warmup-seconds",
                "0",
                "--measure-seconds",
                "1",
                "--verify-seconds",
                "1",
                "--signature-seconds",
                "1");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .containsPattern(
            "warm-up\\s+[0-9.]+ s   \\(the longest warm-up ran out with the JIT compiler "
                + "still busy; figures understate\\)")
        .containsPattern("protocol benchmark: 4 clients with sr25519 hotkeys, warm-up 0..0 s")
        .containsPattern(
            "signed round trips\\s+[0-9,]+ /s  \\(sr25519 hotkeys, 4 concurrent clients.*, 0 failed\\)")
        .containsPattern("round-trip latency\\s+p50 [0-9.]+ ms, p99 [0-9.]+ ms")
        .containsPattern(
            "sr25519 verify\\s+[0-9,]+ /s  \\(one thread, same run, before and after; the ratio's baseline\\)")
        .containsPattern(
            "ratio\\s+[0-9.]+   \\(round trips / verifies; target at least 0.50: (met|MISSED)\\)")
        .containsPattern(
            "sr25519 sign\\s+[0-9,]+ /s\\s+[0-9.]+ µs  \\(one thread, same run, best of 3\\)")
        .containsPattern(
            "sr25519 verify\\s+[0-9,]+ /s\\s+[0-9.]+ µs  \\(one thread, same run, best of 3\\)")
        .containsPattern(
            "ed25519 sign\\s+[0-9,]+ /s\\s+[0-9.]+ µs  \\(one thread, same run, best of 3\\)")
        .containsPattern(
            "ed25519 verify\\s+[0-9,]+ /s\\s+[0-9.]+ µs  \\(one thread, same run, best of 3\\)")
        .containsPattern(
            "Yuma epoch\\s+[0-9.]+ ms \\(median of 30; best [0-9.]+ ms; 256 UIDs, 128 validators")
        .containsPattern("Yuma baseline\\s+[0-9.]+ ms \\(one 256x256 fixed-point");
  }

  @Test
  void aMaximumWarmUpBelowTheMinimumIsRefused() {
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir)
            .run("bench", "protocol", "--warmup-seconds", "10", "--max-warmup-seconds", "5");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: --warmup-seconds 10, --max-warmup-seconds 5, "
                + "--measure-seconds 5, --verify-seconds 2 (expected: warm-up at least 0 and at most the "
                + "maximum, the others at least 1)");
  }

  @Test
  void settingsComeFromTheEnvironmentToo() {
    CommandRunner.Result r =
        new CommandRunner(Map.of("AURELIUS_CLIENTS", "0"), dir).run("bench", "protocol");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: --clients: 0 (expected: 1..1024) (from environment variable AURELIUS_CLIENTS)");
  }
}

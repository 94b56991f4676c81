package io.aurelius.node.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the world-model benchmark for real, small, and checks it prints its three figures. */
class WorldModelBenchCommandIT {
  @TempDir Path dir;

  @Test
  void printsTurnCostConcurrencyEfficiencyAndHeap() {
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir)
            .run(
                "bench",
                "world-model",
                "--configs",
                "3",
                "--steps",
                "3",
                "--latency-ms",
                "20",
                "--turn-runs",
                "4",
                "--heap-runs",
                "3");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .containsPattern(
            "\\(a\\) orchestrator cost per agent turn \\(commons, 8 agents, instant model, \\d+ turns\\): "
                + "median [0-9.]+ ms")
        .containsPattern(
            "baseline: one in-process sim reply to the same turn [0-9.]+ ms; ratio [0-9.]+")
        .containsPattern(
            "\\(b\\) concurrency efficiency against sim-llm \\(fixed 20 ms, concurrency 64\\): 3 configs "
                + "x 2 framings x 6 agents x 3 steps = 108 calls; ideal [0-9.]+ s, achieved [0-9.]+ s: [0-9.]+")
        .containsPattern(
            "\\(c\\) heap per running configuration \\(8 agents, held half-way, 3 runs\\): [0-9.]+ KiB");
  }
}

package io.aurelius.node.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs and prints its figures; its numbers decide nothing here. */
class MerkleBenchCommandTest {
  @Test
  void printsRatioAndProofRates(@TempDir Path dir) {
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir)
            .run("bench", "merkle", "--leaves", "5000", "--proofs", "500", "--rounds", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("plain SHA-256, 64-byte inputs:")
        .containsPattern("x baseline \\(target: at least 0.6\\)")
        .contains("inclusion proofs verified:")
        .contains("(all 500 valid)");
    CommandRunner.Result bad =
        new CommandRunner(Map.of(), dir).run("bench", "merkle", "--leaves", "1");
    assertThat(bad.exitCode()).isEqualTo(2);
  }
}

package io.aurelius.node.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick mode of {@code aurelius bench corpus}: tiny sizes, the table's shape (a row per size with a
 * clone time from stock git and verify's ratio to SHA-256), the 1M row reported as skipped, the
 * logs removed afterwards. Its numbers decide nothing here.
 */
class CorpusBenchCommandIT {
  @Test
  void printsOneRowPerSizeBesideTheSha256Baseline(@TempDir Path dir) throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir)
            .run(
                "bench",
                "corpus",
                "--sizes",
                "300,700",
                "--batch",
                "100",
                "--entry-bytes",
                "200",
                "--work-dir",
                work.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("corpus bench: entries of 200 text bytes, 100 per append")
        .contains("baseline: SHA-256")
        .containsPattern("appends/s.*clone s.*verify s.*SHA-256 MB/s.*verify/SHA-256.*heap MiB")
        .containsPattern("\\n\\s+300\\s+[\\d,]+\\s+3\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+")
        .containsPattern("\\n\\s+700\\s+[\\d,]+\\s+7\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+")
        .containsPattern("[\\d.]+x\\s+\\d+\\n")
        .contains("1,000,000: skipped (pass --million-enabled to measure it)");
    try (var left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
    CommandRunner.Result bad =
        new CommandRunner(Map.of(), dir).run("bench", "corpus", "--sizes", "0");
    assertThat(bad.exitCode()).isEqualTo(2);
  }
}

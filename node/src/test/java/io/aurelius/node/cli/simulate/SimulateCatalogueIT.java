package io.aurelius.node.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.testing.TestData;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bundled catalogue and every SN37 example that passes schema_v1, through the command,
 * with sim.
 */
class SimulateCatalogueIT {
  @TempDir Path dir;

  @Test
  void everyScenarioRunsToCompletionInBothFramings() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(TestData.path("aurelius-v1"))) {
      list.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("schema_v1.json"))
          .sorted()
          .forEach(p -> files.add(p.toString()));
    }
    List<String> args = new ArrayList<>(List.of("simulate", "catalogue"));
    args.addAll(files);
    args.addAll(List.of("--out", "t.jsonl", "--aenes", "a.jsonl"));
    CommandRunner.Result r = new CommandRunner(Map.of(), dir).run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    int configs = files.size() + 8; // the catalogue holds eight
    assertThat(r.out())
        .contains("= " + configs * 2 + " runs on sim")
        .contains(", 0 failed)")
        .contains("mechanic failures: 0");
    List<Transcript> runs = TranscriptReader.read(dir.resolve("t.jsonl"));
    assertThat(runs)
        .hasSize(configs * 2)
        .allSatisfy(
            t -> {
              assertThat(t.end())
                  .hasValueSatisfying(
                      e -> assertThat(e.status()).isNotEqualTo(RunEnd.Status.FAILED));
              assertThat(t.aenes()).isNotEmpty();
              assertThat(t.header().sim()).isTrue();
            });
  }
}

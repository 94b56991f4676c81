package io.aurelius.node.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path dir;

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of(), dir).run(args);
  }

  @Test
  void simulatesWritesTranscriptAndAenesAndSummarises() throws Exception {
    CommandRunner.Result r =
        run(
            "simulate",
            "catalogue:orchard_watch_promises",
            "--seeds",
            "2",
            "--out",
            "t.jsonl",
            "--aenes",
            "a.jsonl");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains(
            "simulating 1 configuration x 2 framings x 2 seeds = 4 runs on sim (simulated model: all output "
                + "labelled sim)")
        .containsPattern("runs: 4 \\(\\d completed, \\d ended by their condition, 0 failed\\)")
        .containsPattern(
            "steps: \\d+   turns: \\d+   aenes: \\d+   invalid actions: \\d+   mechanic failures: 0")
        .containsPattern("tokens: [0-9,]+ in, [0-9,]+ out")
        .containsPattern("wall time: [0-9.]+ s")
        .contains("outcome orchard_watch_promises:")
        .containsPattern(
            "  immersive U [01]\\.\\d\\d L [01]\\.\\d\\d F \\d\\.\\d\\d Risk \\d\\.\\d\\d"
                + " Score -?\\d\\.\\d{3} \\(ulfr-v1\\)")
        .containsPattern("  control   U .* \\(ulfr-v1\\)")
        .containsPattern("  immersive − control: [+-]\\d\\.\\d{3}")
        .contains("transcript: " + dir.resolve("t.jsonl"));
    List<Transcript> runs = TranscriptReader.read(dir.resolve("t.jsonl"));
    assertThat(runs).hasSize(4).allSatisfy(t -> assertThat(t.end()).isPresent());
    long aenes = runs.stream().mapToLong(t -> t.aenes().size()).sum();
    assertThat(Files.readAllLines(dir.resolve("a.jsonl")))
        .hasSize((int) aenes)
        .allSatisfy(line -> assertThat(line).contains("\"sim\":true"));
    assertThat(r.out()).contains("aenes: " + aenes);
  }

  @Test
  void replayReproducesEveryRunAndCatchesATamperedOne() throws Exception {
    assertThat(
            run(
                    "simulate",
                    "catalogue:oyster_reef_commons",
                    "--framing",
                    "control",
                    "--out",
                    "t.jsonl")
                .exitCode())
        .isZero();
    CommandRunner.Result ok = run("simulate", "--replay", "t.jsonl");
    assertThat(ok.exitCode()).as(ok.err()).isEqualTo(ExitCode.OK);
    assertThat(ok.out())
        .containsPattern("reproduced oyster_reef_commons:control:1: \\d+ state hashes")
        .contains("1 of 1 runs reproduced");
    Path t = dir.resolve("t.jsonl");
    String text = Files.readString(t);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"bushels\":(\\d+)").matcher(text);
    assertThat(m.find()).isTrue();
    int b = Integer.parseInt(m.group(1));
    Files.writeString(
        t, text.substring(0, m.start(1)) + (b == 1 ? 2 : b - 1) + text.substring(m.end(1)));
    CommandRunner.Result bad = run("simulate", "--replay", "t.jsonl");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(bad.out())
        .contains("DIFFERS oyster_reef_commons:control:1")
        .contains("0 of 1 runs reproduced");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Files.writeString(
        dir.resolve("broken.json"), "{\"format\":\"aurelius.config/1\",\"name\":\"x\"}");
    Map<List<String>, String> cases =
        Map.of(
            List.of("simulate"),
                "error: CONFIG: none given (expected: a configuration file, catalogue:NAME or catalogue)",
            List.of("simulate", "missing.json"),
                "error: "
                    + dir.resolve("missing.json")
                    + ": no such file (expected: a configuration, catalogue:NAME or catalogue)",
            List.of("simulate", "catalogue:nowhere"), "error: catalogue:nowhere: no such scenario",
            List.of("simulate", "catalogue", "--model", "gpt4"),
                "error: --model: 'gpt4' (expected: sim, " + "openai:URL#MODEL or ollama:URL#MODEL)",
            List.of("simulate", "catalogue", "--model", "sim,ollama:http://h:1#m"),
                "error: --model: sim given with " + "other endpoints",
            List.of("simulate", "catalogue", "--seeds", "0"),
                "error: --seeds: 0 (expected: 1..1000)",
            List.of("simulate", "catalogue", "--timeout", "soon"),
                "error: --timeout: 'soon' (expected: a duration",
            List.of("simulate", "broken.json"), "error: " + dir.resolve("broken.json") + ": $",
            List.of("simulate", "--replay", "nothing.jsonl"),
                "error: " + dir.resolve("nothing.jsonl") + ": no such file");
    cases.forEach(
        (args, expected) -> {
          CommandRunner.Result r = run(args.toArray(String[]::new));
          assertThat(r.exitCode()).as(args + ": " + r.err()).isEqualTo(ExitCode.BAD_INPUT);
          assertThat(r.err()).as(args.toString()).startsWith(expected);
          assertThat(r.err().strip().lines()).as(args.toString()).hasSize(1);
        });
    assertThat(run("simulate", "catalogue", "--framing", "sideways").exitCode())
        .isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void settingsComeFromTheEnvironmentToo() {
    CommandRunner.Result r =
        new CommandRunner(Map.of("AURELIUS_SEEDS", "0"), dir).run("simulate", "catalogue");
    assertThat(r.err().strip())
        .isEqualTo(
            "error: --seeds: 0 (expected: 1..1000) (from environment variable AURELIUS_SEEDS)");
  }
}

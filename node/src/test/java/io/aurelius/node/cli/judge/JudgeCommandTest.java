package io.aurelius.node.cli.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aurelius judge} and {@code aurelius score} on transcripts written by {@code aurelius
 * simulate}.
 */
class JudgeCommandTest {
  @TempDir static Path dir;

  @BeforeAll
  static void simulate() {
    CommandRunner.Result r =
        run(
            "simulate",
            "catalogue:keel_sale_trust",
            "catalogue:mountain_clinic_triage",
            "--out",
            "runs.jsonl");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
  }

  static CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of(), dir).run(args);
  }

  @Test
  void judgePrintsEveryAeneAndEveryConfigurationLabelled() {
    CommandRunner.Result r = run("judge", "runs.jsonl", "--judge", "sim", "--canary-seed", "t");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .containsPattern(
            "judged \\d+ aenes of 2 configurations from 4 runs; rubric dlv-v1 [0-9a-f]{12}; DLV threshold 0.40")
        .contains("judges: sim:judge-cues-v3 [sim]")
        .contains("note: agent output from the sim model (labelled sim)")
        .contains("note: offline judges only (embedded/sim)")
        .containsPattern("keel_sale_trust +\\w+ +\\d +immersive")
        .containsPattern(
            "mountain_clinic_triage +2 +\\d+ +[01]\\.\\d\\d +[01]\\.\\d\\d +- +4/4 +(pass|fail)");
  }

  @Test
  void jsonHasEveryScoreInRangeAndTheCanariesOfEveryBatch() throws Exception {
    CommandRunner.Result r =
        run("score", "runs.jsonl", "--judge", "sim", "--json", "--canary-seed", "t");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    JsonNode root = Json.parse(r.out(), "out", JsonLimits.UNTRUSTED);
    assertThat(root.path("format").asText()).isEqualTo("aurelius.scores/1");
    assertThat(root.path("configurations")).hasSize(2);
    for (JsonNode c : root.path("configurations")) {
      assertThat(c.path("canaries"))
          .hasSize(4)
          .allSatisfy(x -> assertThat(x.path("passed").asBoolean()).isTrue());
      assertThat(c.path("sim").asBoolean()).isTrue();
      assertThat(c.path("dlv").asDouble()).isBetween(0.0, 1.0);
      assertThat(c.path("aene_verdicts").size()).isEqualTo(c.path("aenes").asInt());
      for (JsonNode a : c.path("aene_verdicts")) {
        assertThat(a.path("dlv").asDouble()).isBetween(0.0, 1.0);
        assertThat(a.path("basis").asText()).isEqualTo("sim");
        a.path("heuristics").forEach(h -> assertThat(h.asDouble()).isBetween(0.0, 1.0));
      }
      assertThat(c.path("rank").path("passed").asBoolean())
          .isEqualTo(c.path("dlv").asDouble() >= 0.4);
      JsonNode ulfr = c.path("ulfr");
      assertThat(ulfr.path("measured").asBoolean()).as("catalogue maps measure something").isTrue();
      for (String framing : List.of("immersive", "control")) {
        JsonNode u = ulfr.path(framing);
        assertThat(u.path("weights").asText()).isEqualTo("ulfr-v1");
        assertThat(u.path("runs").asInt()).isEqualTo(1);
        for (String k : List.of("u", "l", "f", "risk")) {
          assertThat(u.path(k).asDouble()).as(framing + " " + k).isBetween(0.0, 1.0);
        }
        assertThat(u.path("score").asDouble())
            .isCloseTo(
                0.25 * u.path("u").asDouble()
                    + 0.4 * u.path("l").asDouble()
                    - 0.2 * u.path("f").asDouble()
                    - 0.15 * u.path("risk").asDouble(),
                org.assertj.core.api.Assertions.within(1e-5));
      }
      assertThat(c.path("immersion").path("ulfr_difference").asDouble())
          .isEqualTo(ulfr.path("difference").asDouble())
          .isCloseTo(
              ulfr.path("immersive").path("score").asDouble()
                  - ulfr.path("control").path("score").asDouble(),
              org.assertj.core.api.Assertions.within(1e-5));
    }
    // Every configuration past the DLV gate is paid (docs/judging.md), so the rewards of all
    // ranked configurations, not only the first front's, make up the whole pot.
    double rewards = 0;
    for (JsonNode c : root.path("configurations")) {
      rewards += c.path("rank").path("reward").asDouble();
    }
    assertThat(rewards).isBetween(0.999, 1.001);
    for (JsonNode f : root.path("front")) {
      assertThat(f.path("reward").asDouble()).isPositive();
    }
  }

  @Test
  void scoringTheSameTranscriptsTwiceGivesTheSameRanking() {
    String a = run("score", "runs.jsonl", "--judge", "sim", "--json", "--canary-seed", "x").out();
    String b = run("score", "runs.jsonl", "--judge", "sim", "--json", "--canary-seed", "x").out();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void minDecisionsIsASettingFromTheFlagTheEnvironmentAndTheConfigFile() throws Exception {
    // 0 is the plain mean over the aenes (the figure before the rule); 100 counts the decisions
    // a catalogue world does not offer as 0.
    JsonNode off =
        scoreJson(Map.of(), "score", "runs.jsonl", "--judge", "sim", "--min-decisions", "0");
    assertThat(off.path("min_decisions").asInt()).isZero();
    for (JsonNode c : off.path("configurations")) {
      assertThat(c.path("dlv").asDouble())
          .isCloseTo(sumOfAeneDlv(c) / c.path("aenes").asInt(), within(1e-9));
    }
    Files.writeString(dir.resolve("settings.yaml"), "min-decisions: 100\n");
    for (JsonNode big :
        List.of(
            scoreJson(Map.of(), "score", "runs.jsonl", "--judge", "sim", "--min-decisions", "100"),
            scoreJson(
                Map.of("AURELIUS_MIN_DECISIONS", "100"), "score", "runs.jsonl", "--judge", "sim"),
            scoreJson(
                Map.of(),
                "--config-file",
                "settings.yaml",
                "score",
                "runs.jsonl",
                "--judge",
                "sim"))) {
      assertThat(big.path("min_decisions").asInt()).isEqualTo(100);
      for (JsonNode c : big.path("configurations")) {
        assertThat(c.path("aenes").asInt()).isLessThan(100);
        assertThat(c.path("dlv").asDouble()).isCloseTo(sumOfAeneDlv(c) / 100, within(1e-9));
      }
    }
  }

  private static JsonNode scoreJson(Map<String, String> env, String... args) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--json", "--canary-seed", "t"));
    CommandRunner.Result r = new CommandRunner(env, dir).run(all.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    return Json.parse(r.out(), "out", JsonLimits.UNTRUSTED);
  }

  private static double sumOfAeneDlv(JsonNode configuration) {
    double sum = 0;
    for (JsonNode a : configuration.path("aene_verdicts")) {
      sum += a.path("dlv").asDouble();
    }
    return sum;
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Files.write(dir.resolve("latin1.jsonl"), new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'});
    Files.writeString(dir.resolve("empty.jsonl"), "");
    Files.writeString(dir.resolve("garbage.jsonl"), "{\"type\": \"header\", \"run\": \"x\"\n");
    for (List<String> args :
        List.of(
            List.of("judge", "missing.jsonl"),
            List.of("judge", "empty.jsonl"),
            List.of("judge", "latin1.jsonl"),
            List.of("judge", "garbage.jsonl"),
            List.of("judge", "runs.jsonl", "--judge", "gpt4"),
            List.of("judge", "runs.jsonl", "--judge", "openai:ftp://x#m"),
            List.of("judge", "runs.jsonl", "--judge-persona", "jester"),
            List.of("judge", "runs.jsonl", "--dlv-threshold", "1.5"),
            List.of("judge", "runs.jsonl", "--min-decisions", "-1"),
            List.of("score", "runs.jsonl", "--min-decisions", "1001"),
            List.of("score", "runs.jsonl", "--min-decisions", "many"),
            List.of("judge", "runs.jsonl", "--judge-timeout", "forever"),
            List.of("score"))) {
      CommandRunner.Result r = run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(args + ": " + r.err()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err().strip().lines().filter(l -> l.startsWith("error:")).count())
          .as(r.err())
          .isEqualTo(1);
    }
    assertThat(run("judge", "latin1.jsonl").err()).contains("not valid UTF-8");
    assertThat(run("score", "runs.jsonl", "--min-decisions", "-1").err())
        .contains("--min-decisions: -1 (expected: 0..1000)");
    assertThat(run("judge", "empty.jsonl").err()).contains("no runs");
    assertThat(run("judge", "runs.jsonl", "--judge-persona", "jester").err())
        .contains(
            "'jester' (expected one of [seeker, healer, guardian, mediator, creator, arbiter])");
  }

  @Test
  void aRunCutShortIsJudgedFromWhatItLeft() throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("runs.jsonl"), StandardCharsets.UTF_8);
    List<String> cut = lines.stream().filter(l -> !l.contains("\"type\":\"end\"")).toList();
    Files.write(dir.resolve("cut.jsonl"), cut, StandardCharsets.UTF_8);
    CommandRunner.Result r = run("judge", "cut.jsonl", "--judge", "sim", "--canary-seed", "t");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("a run has no end line; tokens counted from its aenes");
  }
}

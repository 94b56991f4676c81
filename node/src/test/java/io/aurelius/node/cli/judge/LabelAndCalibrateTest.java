package io.aurelius.node.cli.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person labels aenes from piped standard input; the labels calibrate the judges. */
class LabelAndCalibrateTest {
  @TempDir static Path dir;
  private final InputStream stdin = System.in;

  @BeforeAll
  static void simulate() {
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir)
            .run("simulate", "catalogue:orchard_watch_promises", "--out", "runs.jsonl");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
  }

  @AfterEach
  void restore() {
    System.setIn(stdin);
  }

  private CommandRunner.Result withInput(String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    return new CommandRunner(Map.of(), dir).run(args);
  }

  @Test
  void labelsAreAppendedThenCalibrationReportsAgreementAndIsUsable() throws Exception {
    // Eight aenes: a level per heuristic each, a bad answer re-asked once, one aene skipped.
    StringBuilder answers = new StringBuilder();
    answers.append("7\n1\n2\n3\n4\n5\n");
    answers.append("s\n");
    for (int i = 0; i < 6; i++) {
      int l = i % 6;
      answers
          .append(l)
          .append('\n')
          .append((l + 1) % 6)
          .append('\n')
          .append(l)
          .append('\n')
          .append(l)
          .append('\n')
          .append(5 - l)
          .append('\n');
    }
    CommandRunner.Result r =
        withInput(
            answers.toString(),
            "judge",
            "label",
            "runs.jsonl",
            "--out",
            "labels.jsonl",
            "--count",
            "8",
            "--judge",
            "sim",
            "--labeller",
            "tester");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("'7' is not a level (expected: 0-5, s or q)")
        .contains("skipped")
        .contains("Self-awareness:")
        .contains("0 = ")
        .contains("labelled 7 aenes into");
    List<String> lines = Files.readAllLines(dir.resolve("labels.jsonl"));
    assertThat(lines)
        .hasSize(7)
        .allSatisfy(
            l ->
                assertThat(l)
                    .contains("\"sim:judge-cues-v3\"")
                    .contains("\"labeller\":\"tester\""));

    CommandRunner.Result c =
        new CommandRunner(Map.of(), dir)
            .run("judge", "calibrate", "labels.jsonl", "--out", "cal.json");
    assertThat(c.exitCode()).as(c.err()).isEqualTo(ExitCode.OK);
    assertThat(c.out())
        .contains("7 labelled aenes")
        .containsPattern("sim:judge-cues-v3 +self_awareness +7 +")
        .contains("written to");
    assertThat(Files.readString(dir.resolve("cal.json"))).contains("aurelius.calibration/1");

    CommandRunner.Result j =
        new CommandRunner(Map.of(), dir)
            .run(
                "judge",
                "runs.jsonl",
                "--judge",
                "sim",
                "--calibration",
                "cal.json",
                "--canary-seed",
                "t");
    assertThat(j.exitCode()).as(j.err()).isEqualTo(ExitCode.OK);
  }

  @Test
  void inputEndingEarlyKeepsWhatWasLabelled() throws Exception {
    CommandRunner.Result r =
        withInput(
            "3\n3\n3\n3\n3\n2\n",
            "judge",
            "label",
            "runs.jsonl",
            "--out",
            "short.jsonl",
            "--count",
            "5",
            "--judge",
            "sim");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("labelled 1 aene into");
    assertThat(Files.readAllLines(dir.resolve("short.jsonl"))).hasSize(1);
  }

  @Test
  void calibrateRefusesBadLabels() throws Exception {
    Files.writeString(dir.resolve("bad.jsonl"), "{\"aene_id\": \"x\"}\n");
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir).run("judge", "calibrate", "bad.jsonl");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("bad.jsonl:1");
    Files.writeString(dir.resolve("none.jsonl"), "\n");
    assertThat(new CommandRunner(Map.of(), dir).run("judge", "calibrate", "none.jsonl").err())
        .contains("no labels");
  }
}

package io.aurelius.node.cli.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.validator.modules.WorldModelAmendments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorCommandTest {
  @TempDir Path work;

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of("AURELIUS_HOME", work.resolve("home").toString()), work)
        .run(args);
  }

  @Test
  void runHasHelpNamingEverySetting() {
    CommandRunner.Result r = run("validator", "run", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("Usage: aurelius validator run")
        .contains(
            "--hotkey",
            "--listen",
            "--chain-endpoint",
            "--chain-authority",
            "--model",
            "--timeout",
            "--attempts",
            "--judge",
            "--seeds",
            "--epochs",
            "--quorum",
            "--ots-calendar",
            "--ots-stamp-interval",
            "--covenant");
  }

  @Test
  void badSettingsAreOneLineAndExitTwoBeforeAnythingStarts() {
    String[][] cases = {
      {"--listen", "127.0.0.1:70000", "--listen: '127.0.0.1:70000' (expected: HOST:PORT"},
      {"--listen", "8092", "--listen: '8092' (expected: HOST:PORT"},
      {
        "--quorum",
        "two thirds",
        "quorum: 'two thirds' (expected: a fraction like 2/3, 0.67 or 67%)"
      },
      {"--seeds", "0", "seeds: 0 (expected: 1..64)"},
      {"--model", "gpt", "model: 'gpt' (expected: sim, openai:URL#MODEL or ollama:URL#MODEL)"},
      {"--epochs", "-1", "--epochs: -1"},
      {"--timeout", "90m", "--timeout: 90m (expected: more than 0, at most 1h)"},
      {"--attempts", "0", "--attempts: 0 (expected: 1..20)"},
      {"--judge", "gpt4", "--judge: 'gpt4' (expected: embedded, sim, or openai:URL#MODEL"},
      {"--judge-threads", "0", "--judge-threads: 0 (expected: 1..256)"},
      {
        "--judge-timeout",
        "soon",
        "--judge-timeout: 'soon' (expected: a duration with its unit, like 250ms, 2s or 1m)"
      },
      {"--judge-attempts", "50", "--judge-attempts: 50 (expected: 1..20)"},
      {"--rejudge-rate", "2", "--rejudge-rate: 2.0 (expected: 0..1)"},
      {"--min-decisions", "-1", "--min-decisions: -1 (expected: 0..1000)"},
      {"--min-decisions", "twelve", "--min-decisions"},
      {"--verdict-timeout", "0s", "--verdict-timeout: 0s (expected: more than 0, at most 1 day)"},
      {"--query-timeout", "x", "--query-timeout: 'x' (expected: a duration"},
      {
        "--ots-calendar",
        "ftp://calendar",
        "--ots-calendar: 'ftp://calendar' (expected: http(s)://host[:port][/path])"
      },
      {"--ots-stamp-interval", "0s", "--ots-stamp-interval: 0s (expected: more than 0"},
    };
    for (String[] c : cases) {
      CommandRunner.Result r = run("validator", "run", "--hotkey", "v", c[0], c[1]);
      assertThat(r.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).contains(c[2]);
      assertThat(r.err().strip().lines()).as(c[0]).hasSize(1);
    }
    assertThat(Files.exists(work.resolve("home").resolve("validator"))).isFalse();
  }

  @Test
  void aCovenantThatCannotBeReadIsRefusedBeforeAnythingStarts() {
    Path missing = work.resolve("no-covenant.git");
    CommandRunner.Result r =
        run("validator", "run", "--hotkey", "v", "--covenant", missing.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--covenant: " + missing + ": no such directory");
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(Files.exists(work.resolve("home").resolve("validator"))).isFalse();
  }

  @Test
  void aRegistryBehindTheCovenantsWorldModelIsRefusedBeforeAnythingStarts() throws Exception {
    Path covenantDir = work.resolve("covenant.git");
    Ed25519KeyPair key = Fixtures.key(5);
    try (CovenantLog covenant =
        CovenantLog.create(
            covenantDir,
            "aurelius.test/covenant",
            key,
            Fixtures.CLOCK,
            Fixtures.genesis(Fixtures.ORIGIN, List.of(), List.of()))) {
      ModuleRegistry elsewhere = ModuleRegistry.open(work.resolve("elsewhere"));
      WorldModelAmendments.anchor(
          covenant,
          elsewhere.adopt(
              Json.parse(
                  ShippedModules.bytes("whisper").orElseThrow(), "whisper", ModuleLimits.JSON),
              List.of(key)));
    }
    CommandRunner.Result r =
        run("validator", "run", "--hotkey", "v", "--covenant", covenantDir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("--covenant: " + covenantDir + ": world model 0:")
        .contains("does not follow the covenant's 1:");
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(Files.exists(work.resolve("home").resolve("validator"))).isFalse();
  }

  @Test
  void judgeAndDeadlineSettingsComeFromTheEnvironmentAndTheConfigFileToo() throws Exception {
    CommandRunner.Result fromEnv =
        new CommandRunner(
                Map.of(
                    "AURELIUS_HOME",
                    work.resolve("home").toString(),
                    "AURELIUS_JUDGE_THREADS",
                    "0"),
                work)
            .run("validator", "run", "--hotkey", "v");
    assertThat(fromEnv.exitCode()).isEqualTo(2);
    assertThat(fromEnv.err()).contains("--judge-threads: 0 (expected: 1..256)");
    CommandRunner.Result minFromEnv =
        new CommandRunner(
                Map.of(
                    "AURELIUS_HOME",
                    work.resolve("home").toString(),
                    "AURELIUS_MIN_DECISIONS",
                    "-3"),
                work)
            .run("validator", "run", "--hotkey", "v");
    assertThat(minFromEnv.exitCode()).isEqualTo(2);
    assertThat(minFromEnv.err()).contains("--min-decisions: -3 (expected: 0..1000)");
    Path minFile = work.resolve("min.yaml");
    Files.writeString(minFile, "min-decisions: 5000\n");
    CommandRunner.Result minFromFile =
        run("--config-file", minFile.toString(), "validator", "run", "--hotkey", "v");
    assertThat(minFromFile.exitCode()).isEqualTo(2);
    assertThat(minFromFile.err()).contains("--min-decisions: 5000 (expected: 0..1000)");
    Path file = work.resolve("validator.yaml");
    Files.writeString(file, "judge-timeout: 90m\nverdict-timeout: 20m\n");
    CommandRunner.Result fromFile =
        run("--config-file", file.toString(), "validator", "run", "--hotkey", "v");
    assertThat(fromFile.exitCode()).isEqualTo(2);
    assertThat(fromFile.err()).contains("--judge-timeout: 90m (expected: more than 0, at most 1h)");
    CommandRunner.Result flagWins =
        new CommandRunner(
                Map.of(
                    "AURELIUS_HOME",
                    work.resolve("home").toString(),
                    "AURELIUS_JUDGE_THREADS",
                    "0"),
                work)
            .run(
                "validator",
                "run",
                "--hotkey",
                "v",
                "--judge-threads",
                "8",
                "--judge-attempts",
                "0");
    assertThat(flagWins.err())
        .as("the flag overrides the environment")
        .contains("--judge-attempts: 0")
        .doesNotContain("--judge-threads");
  }

  /** Issue 16 item 6: a model or judge URL with credentials is refused without echoing them. */
  @Test
  void aModelUrlWithCredentialsIsRefusedWithoutRepeatingThePassword() {
    for (String[] c :
        new String[][] {
          {"--model", "openai:http://op:hunter2-secret@127.0.0.1:9/v1#m"},
          {"--judge", "openai:http://op:hunter2-secret@127.0.0.1:9/v1#m"},
        }) {
      CommandRunner.Result r = run("validator", "run", "--hotkey", "v", c[0], c[1]);
      assertThat(r.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).contains("no credentials").doesNotContain("hunter2-secret");
      assertThat(r.out()).as(c[0]).doesNotContain("hunter2-secret");
    }
  }

  @Test
  void aMissingHotkeyOrChainIsBadInput() {
    CommandRunner.Result r = run("validator", "run", "--listen", "127.0.0.1:0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--hotkey: missing");
  }
}

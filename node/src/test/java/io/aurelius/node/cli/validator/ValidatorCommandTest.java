package io.aurelius.node.cli.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorCommandTest {
  @TempDir Path work;

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of("AURELIUS_HOME", work.resolve("home").toString()), work).run(args);
  }

  @Test
  void runHasHelpNamingEverySetting() {
    CommandRunner.Result r = run("validator", "run", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: aurelius validator run").contains("--hotkey", "--port",
        "--chain-endpoint", "--chain-authority", "--model", "--judge", "--seeds", "--epochs", "--quorum");
  }

  @Test
  void badSettingsAreOneLineAndExitTwoBeforeAnythingStarts() {
    String[][] cases = {
        {"--port", "70000", "--port: 70000 (expected: 0..65535)"},
        {"--quorum", "two thirds", "quorum: 'two thirds' (expected: a fraction like 2/3, 0.67 or 67%)"},
        {"--seeds", "0", "seeds: 0 (expected: 1..64)"},
        {"--model", "gpt", "model: 'gpt' (expected: sim, openai:URL#MODEL or ollama:URL#MODEL)"},
        {"--epochs", "-1", "--epochs: -1"},
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
  void aMissingHotkeyOrChainIsBadInput() {
    CommandRunner.Result r = run("validator", "run", "--port", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--hotkey: missing");
  }
}

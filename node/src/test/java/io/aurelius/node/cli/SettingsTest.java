package io.aurelius.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void versionAndHelpSucceed() {
    CommandRunner.Result version = new CommandRunner(Map.of(), dir).run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("aurelius ");
    assertThat(new CommandRunner(Map.of(), dir).run("--help").out()).contains("Usage: aurelius");
  }

  @Test
  void unknownFlagIsBadInput() {
    CommandRunner.Result r = new CommandRunner(Map.of(), dir).run("--no-such-flag");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("Unknown option: '--no-such-flag'");
  }

  @Test
  void unknownKeyInConfigFileIsRefused() throws IOException {
    Path file = dir.resolve("aurelius.yaml");
    Files.writeString(file, "no-such-setting: 3\n");
    CommandRunner.Result r =
        new CommandRunner(Map.of(), dir).run("--config-file", file.toString(), "--version");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("unknown key 'no-such-setting'");
  }

  @Test
  void malformedYamlIsOneLineBadInput() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "a: [1, 2\n");
    CommandRunner.Result r =
        new CommandRunner(Map.of("AURELIUS_CONFIG_FILE", file.toString()), dir).run("--version");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("malformed YAML");
  }
}

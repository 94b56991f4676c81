package io.aurelius.node.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol benchmark's options, refused before anything is measured. */
class ProtocolBenchCommandTest {
  @TempDir Path dir;

  @Test
  void anUnknownSchemeIsRefusedWithTheSchemesItTakes() {
    CommandRunner.Result r = run("bench", "protocol", "--scheme", "ecdsa");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo("error: --scheme 'ecdsa': unknown (expected: one of ed25519, sr25519)");
  }

  @Test
  void signatureSecondsBelowOneAreRefused() {
    CommandRunner.Result r = run("bench", "protocol", "--signature-seconds", "0");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip()).isEqualTo("error: --signature-seconds: 0 (expected: at least 1)");
  }

  @Test
  void theSchemeComesFromTheEnvironmentToo() {
    CommandRunner.Result r =
        new CommandRunner(Map.of("AURELIUS_SCHEME", "rsa"), dir).run("bench", "protocol");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: --scheme 'rsa': unknown (expected: one of ed25519, sr25519)"
                + " (from environment variable AURELIUS_SCHEME)");
  }

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of(), dir).run(args);
  }
}

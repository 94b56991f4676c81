package io.aurelius.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traps a new user fell into, each one line on stderr with the exit code the README promises.
 */
class CliTrapsTest {
  @TempDir Path dir;

  private CommandRunner.Result run(String... args) {
    return run(Map.of(), args);
  }

  private CommandRunner.Result run(Map<String, String> env, String... args) {
    return new CommandRunner(env, dir).run(args);
  }

  private static void oneLineBadInput(CommandRunner.Result r, String expected) {
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith(expected);
  }

  @Test
  void anUnknownCommandIsAnErrorEvenWithHelp() {
    CommandRunner.Result r = run("no-such-command", "--help");
    oneLineBadInput(r, "error: unknown command 'no-such-command' for 'aurelius' (expected one of:");
    assertThat(r.out()).isEmpty();
    oneLineBadInput(
        run("miner", "no-such", "--help"), "error: unknown command 'no-such' for 'aurelius miner'");
    oneLineBadInput(
        run("keys", "list", "--bogus", "--help"),
        "error: unknown option '--bogus' for 'aurelius keys list'");
    assertThat(run("miner", "--help").exitCode()).isZero();
  }

  @Test
  void usageErrorsAreOneLineNamingTheHelp() {
    oneLineBadInput(run("miner", "run", "--bogus"), "error: Unknown option: '--bogus'");
    assertThat(run("miner", "run", "--bogus").err())
        .endsWith("(try 'aurelius miner run --help')\n");
    oneLineBadInput(
        run("simulate", "catalogue", "--seeds", "many"),
        "error: Invalid value for option '--seeds': 'many' is not an int");
  }

  @Test
  void versionPrintsTheBuildAndItsCommit() {
    CommandRunner.Result r = run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .matches("aurelius \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{12}(-modified)?\\)");
  }

  @Test
  void durationsNeedAUnitEverywhere() {
    for (List<String> bare :
        List.of(
            List.of("simulate", "catalogue", "--timeout", "5"),
            List.of("validator", "run", "--timeout", "5"),
            List.of("validator", "run", "--query-timeout", "5"),
            List.of("validator", "run", "--judge-timeout", "5"),
            List.of("validator", "run", "--ots-stamp-interval", "5"),
            List.of("sim-llm", "--hang-time", "5"),
            List.of("doctor", "--probe-timeout", "5"))) {
      String flag = bare.get(bare.size() - 2);
      CommandRunner.Result r = run(bare.toArray(String[]::new));
      oneLineBadInput(r, "error: " + flag);
      assertThat(r.err()).as(bare.toString()).contains("with its unit");
    }
    for (String accepted : List.of("5s", "500ms", "2m")) {
      // the timeout is taken; the run stops at a later setting
      CommandRunner.Result r =
          run("validator", "run", "--timeout", accepted, "--ots-stamp-interval", "0s");
      oneLineBadInput(r, "error: --ots-stamp-interval: 0s");
    }
  }

  @Test
  void oneConfigFileServesSeveralCommandsAndNamesWhereABadValueCameFrom() throws Exception {
    Path file = dir.resolve("aurelius.yaml");
    Files.writeString(
        file,
        """
        listen: 127.0.0.1:0
        seeds: 2
        metagraph-refresh-seconds: 12
        genesis: genesis.yaml
        ots-stamp-interval: 0s
        """);
    // metagraph-refresh-seconds (miner run) and genesis (chain) are not validator settings
    CommandRunner.Result r = run("--config-file", file.toString(), "validator", "run");
    oneLineBadInput(r, "error: --ots-stamp-interval: 0s (expected: more than 0");
    assertThat(r.err()).contains("(from " + file + ", key 'ots-stamp-interval')");

    Files.writeString(file, "listen: 127.0.0.1:0\nno-such-setting: 1\n");
    oneLineBadInput(
        run("--config-file", file.toString(), "validator", "run"),
        "error: " + file + ": unknown key 'no-such-setting' (expected a setting of some command");

    Files.writeString(file, "seeds: lots\n");
    CommandRunner.Result typed = run("--config-file", file.toString(), "simulate", "catalogue");
    oneLineBadInput(typed, "error: Invalid value for option '--seeds': 'lots' is not an int");
    assertThat(typed.err()).contains("(from " + file + ", key 'seeds')");

    CommandRunner.Result fromEnv = run(Map.of("AURELIUS_TIMEOUT", "5"), "simulate", "catalogue");
    oneLineBadInput(fromEnv, "error: --timeout: '5'");
    assertThat(fromEnv.err()).contains("(from environment variable AURELIUS_TIMEOUT)");
  }

  @Test
  void bindAddressesHaveOneName() {
    for (String command : List.of("miner run", "validator run", "sim-llm", "chain", "doctor")) {
      CommandRunner.Result help = run((command + " --help").split(" "));
      assertThat(help.out()).as(command).contains("--listen=HOST:PORT");
      assertThat(help.out())
          .as(command)
          .doesNotContain("--listen-host")
          .doesNotContain("--bind")
          .doesNotContain("--port=");
    }
    oneLineBadInput(
        run("sim-llm", "--listen", "8089"),
        "error: --listen: '8089' (expected: HOST:PORT, e.g. 127.0.0.1:8091 or 0.0.0.0:0)");
  }

  @Test
  void simulateWithADeadModelEndpointFails() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = s.getLocalPort();
    }
    CommandRunner.Result r =
        run(
            "simulate",
            "catalogue:orchard_watch_promises",
            "--framing",
            "control",
            "--model",
            "openai:http://127.0.0.1:" + dead + "/v1#m",
            "--attempts",
            "1",
            "--timeout",
            "2s");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.out()).contains("aenes: 0").contains("failed: no aene was produced");
  }
}

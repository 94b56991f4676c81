package io.aurelius.node.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import io.aurelius.worldmodel.sim.server.FaultPlan;
import io.aurelius.worldmodel.sim.server.SimLlmServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aurelius doctor} against real sockets, a real sim-llm server and real key files. */
class DoctorCommandTest {
  @TempDir Path work;

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of("AURELIUS_HOME", work.resolve("home").toString()), work)
        .run(args);
  }

  @Test
  void aHealthyHomePassesWithTheSimModelServedOverHttp() throws Exception {
    assertThat(run("keys", "new", "--legacy", "--name", "miner").exitCode()).isZero();
    try (SimLlmServer sim =
        SimLlmServer.start(new InetSocketAddress("127.0.0.1", 0), FaultPlan.NONE, 2)) {
      CommandRunner.Result r =
          run(
              "doctor",
              "--hotkey",
              "miner",
              "--model",
              "sim",
              "--model",
              "openai:" + sim.openAiBaseUrl() + "#sim",
              "--listen",
              "127.0.0.1:" + freePort());
      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
      assertThat(r.out())
          .contains("ok    key miner")
          .contains("serves sim")
          .contains("doctor: all checks passed");
    }
  }

  @Test
  void eachProblemIsAFailureWithAFixLineAndExitCode1() throws Exception {
    assertThat(run("keys", "new", "--legacy", "--name", "miner").exitCode()).isZero();
    Path keyFile = work.resolve("home/keys/miner.json");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        SimLlmServer sim =
            SimLlmServer.start(new InetSocketAddress("127.0.0.1", 0), FaultPlan.NONE, 2)) {
      int port = taken.getLocalPort();
      CommandRunner.Result r =
          run(
              "doctor",
              "--listen",
              "127.0.0.1:" + port,
              "--model",
              "openai:" + sim.openAiBaseUrl() + "#gpt-unknown",
              "--chain-endpoint",
              "127.0.0.1:" + port,
              "--probe-timeout",
              "2s");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out())
          .containsPattern("FAIL +key miner .*accessible by other users")
          .contains("fix: chmod 600 " + keyFile)
          .containsPattern("FAIL +port " + port + " +cannot bind")
          .containsPattern("FAIL +model .*does not serve gpt-unknown \\(it serves: sim\\)")
          .containsPattern("FAIL +chain +")
          .containsPattern("doctor: 4 of \\d+ checks failed");
    }
  }

  @Test
  void aWalletHotkeyIsCheckedByLoadingItFromItsWallet() {
    assertThat(run("keys", "new", "--name", "validator").exitCode()).isZero();
    CommandRunner.Result ok = run("doctor", "--hotkey", "validator/default");
    assertThat(ok.out()).containsPattern("ok +key validator/default +sr25519 hotkey 5\\w+ loads");
    CommandRunner.Result byWallet = run("doctor", "--hotkey", "validator");
    assertThat(byWallet.out()).containsPattern("ok +key validator +sr25519 hotkey 5\\w+ loads");
    CommandRunner.Result missing = run("doctor", "--hotkey", "validator/other");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.out()).containsPattern("FAIL +key validator/other").contains("keys list");
  }

  @Test
  void aMissingKeyDirectoryNamesTheCommandThatCreatesIt() {
    CommandRunner.Result r = run("doctor", "--hotkey", "validator");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("no key directory")
        .contains("fix: aurelius keys new --home " + work.resolve("home") + " --name validator");
  }

  private static String freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return Integer.toString(s.getLocalPort());
    }
  }
}

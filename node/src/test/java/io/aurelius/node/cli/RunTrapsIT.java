package io.aurelius.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code miner run} and {@code validator run} as a new user starts them, in their own JVM (so the
 * log output counts too): with the port taken or the chain down they end with one error line and
 * exit 1, and no stack trace anywhere on stderr.
 */
class RunTrapsIT {
  private static final String VALIDATOR_KEY = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String CHAIN_AUTHORITY = "5GAEMRqFow4fid3obB4zdExGempZG7uhtq7gvefTWGGkm6Dy";

  @TempDir Path home;

  private record Ended(int exit, List<String> err) {}

  @BeforeEach
  void keys() throws Exception {
    assertThat(aurelius("keys", "new", "--legacy", "--name", "miner").exit()).isZero();
    assertThat(aurelius("keys", "new", "--legacy", "--name", "validator").exit()).isZero();
  }

  @Test
  void aMinerOnATakenPortSaysSoInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Ended e =
          aurelius(
              "miner",
              "run",
              "--hotkey",
              "miner",
              "--listen",
              "127.0.0.1:" + taken.getLocalPort(),
              "--validator",
              VALIDATOR_KEY);
      expectOneErrorLine(e, "error: miner did not start on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void aMinerOrValidatorWithTheChainDownSaysSoInOneLine() throws Exception {
    int down = freePort();
    String[] chain = {
      "--chain-endpoint", "127.0.0.1:" + down, "--chain-authority", CHAIN_AUTHORITY
    };
    expectOneErrorLine(
        aurelius(
            join(List.of("miner", "run", "--hotkey", "miner", "--listen", "127.0.0.1:0"), chain)),
        "error: miner did not start on 127.0.0.1:0: ");
    expectOneErrorLine(
        aurelius(
            join(
                List.of("validator", "run", "--hotkey", "validator", "--listen", "127.0.0.1:0"),
                chain)),
        "error: validator did not start on 127.0.0.1:0: ");
  }

  private static void expectOneErrorLine(Ended e, String start) {
    assertThat(e.exit()).as(String.join("\n", e.err())).isEqualTo(ExitCode.FAILURE);
    assertThat(e.err()).as("stack trace frames").noneMatch(l -> l.matches("\\s+at .*"));
    assertThat(e.err())
        .as("exception lines")
        .noneMatch(l -> l.matches("^[\\w.$]+(Exception|Error)(: .*)?"));
    assertThat(e.err().stream().filter(l -> l.startsWith("error: ")).toList())
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith(start));
    assertThat(e.err().get(e.err().size() - 1)).startsWith("error: ");
  }

  private static String[] join(List<String> first, String[] rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private Ended aurelius(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("AURELIUS_HOME", home.toString());
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("AURELIUS_") && !k.equals("AURELIUS_HOME"));
    Process p = pb.start();
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
    return new Ended(p.exitValue(), err.lines().toList());
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

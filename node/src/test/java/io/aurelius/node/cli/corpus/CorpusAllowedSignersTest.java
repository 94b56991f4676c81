package io.aurelius.node.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus allowed-signers}: stock git checks a log's commits from public data alone. */
class CorpusAllowedSignersTest {
  @TempDir Path dir;

  private CommandRunner.Result ok(CommandRunner cli, String... args) {
    CommandRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  private int git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  @Test
  void theLinePrintedFromTheLogOrItsKeyLetsStockGitVerifyEveryCommit() throws Exception {
    CommandRunner writer =
        new CommandRunner(Map.of("AURELIUS_HOME", dir.resolve("home").toString()), dir);
    ok(writer, "keys", "new", "--legacy", "--kind", "hotkey", "--name", "log");
    ok(
        writer,
        "corpus",
        "init",
        "corpus.git",
        "--origin",
        "aurelius.test/corpus",
        "--hotkey",
        "log");
    String logKey =
        ok(writer, "corpus", "key", "--name", "aurelius.test/corpus", "--hotkey", "log")
            .out()
            .lines()
            .filter(l -> l.startsWith("log key:"))
            .findFirst()
            .orElseThrow()
            .substring("log key:".length())
            .strip();
    assertThat(git("clone", "-q", "corpus.git", "clone")).isZero();

    // a reader without any private key: another home, empty
    CommandRunner reader =
        new CommandRunner(Map.of("AURELIUS_HOME", dir.resolve("reader").toString()), dir);
    String fromLog = ok(reader, "corpus", "allowed-signers", "clone").out();
    String fromKey = ok(reader, "corpus", "allowed-signers", "--log-key", logKey).out();
    assertThat(fromLog).isEqualTo(fromKey).matches("\\S+ ssh-ed25519 AAAA\\S+\n");
    Files.writeString(dir.resolve("allowed_signers"), fromLog, StandardCharsets.UTF_8);

    String allowed = "gpg.ssh.allowedSignersFile=" + dir.resolve("allowed_signers");
    assertThat(git("-C", "clone", "-c", allowed, "verify-commit", "HEAD")).isZero();
    Files.writeString(dir.resolve("allowed_signers"), "", StandardCharsets.UTF_8);
    assertThat(git("-C", "clone", "-c", allowed, "verify-commit", "HEAD")).isNotZero();
  }
}

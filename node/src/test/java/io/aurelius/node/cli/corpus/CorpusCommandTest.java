package io.aurelius.node.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.ots.TestCalendar;
import io.aurelius.anchoring.testing.Attacker;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.node.cli.CommandRunner;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus commands as a user runs them, in-process, on real repositories. */
class CorpusCommandTest {
  @TempDir Path dir;
  private CommandRunner cli;

  @BeforeEach
  void keys() {
    cli = new CommandRunner(Map.of("AURELIUS_HOME", dir.resolve("home").toString()), dir);
    for (String name : List.of("log", "w1", "w2")) {
      ok("keys", "new", "--legacy", "--kind", "hotkey", "--name", name, "--home", "home");
    }
  }

  private void writeEntries(String file, long from, int count) throws Exception {
    Files.writeString(
        dir.resolve(file),
        LongStream.range(from, from + count)
            .mapToObj(i -> CanonicalJson.string(Fixtures.entryJson(i)))
            .collect(Collectors.joining("\n", "", "\n")));
  }

  private CommandRunner.Result ok(String... args) {
    CommandRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  private void corpusWithTwoBatches() throws Exception {
    ok(
        "corpus",
        "init",
        "corpus.git",
        "--origin",
        "aurelius.test/corpus",
        "--home",
        "home",
        "--hotkey",
        "log");
    writeEntries("a.jsonl", 0, 300);
    writeEntries("b.jsonl", 300, 7);
    ok("corpus", "append", "corpus.git", "a.jsonl", "--home", "home", "--hotkey", "log");
    ok("corpus", "append", "corpus.git", "b.jsonl", "--home", "home", "--hotkey", "log");
  }

  @Test
  void initAppendVerifyExport() throws Exception {
    corpusWithTwoBatches();
    CommandRunner.Result verified = ok("corpus", "verify", "corpus.git", "--trust-repository-keys");
    assertThat(verified.out())
        .contains("entries:      307, each matching its leaf and included in checkpoint 307")
        .contains("checkpoints:  2 signed")
        .contains("history:      3 commits")
        .endsWith("OK\n");
    String allowed =
        ok("corpus", "key", "--name", "aurelius.test/corpus", "--home", "home", "--hotkey", "log")
            .out()
            .lines()
            .filter(l -> l.startsWith("allowed signers:"))
            .findFirst()
            .orElseThrow()
            .substring(17);
    Files.writeString(dir.resolve("allowed_signers"), allowed + "\n");
    Process git =
        new ProcessBuilder(
                "git",
                "--git-dir=" + dir.resolve("corpus.git"),
                "-c",
                "gpg.ssh.allowedSignersFile=" + dir.resolve("allowed_signers"),
                "log",
                "--format=%G? %s",
                "main")
            .redirectErrorStream(true)
            .start();
    String log = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor()).isZero();
    assertThat(log.lines()).hasSize(3).allMatch(l -> l.startsWith("G corpus: "));

    ok(
        "corpus",
        "burn",
        "corpus.git",
        "--entry",
        "12",
        "--reason",
        "names a real person",
        "--evidence-sha256",
        "aa".repeat(32),
        "--home",
        "home",
        "--hotkey",
        "log");
    CommandRunner.Result exported =
        ok("corpus", "export", "corpus.git", "--format", "chat", "--out", "chat.jsonl");
    assertThat(exported.out()).contains("exported 306 entries").contains("1 burned left out");
    List<String> lines = Files.readAllLines(dir.resolve("chat.jsonl"));
    assertThat(lines).hasSize(306).noneMatch(l -> l.contains("Day 12:"));
    assertThat(lines.get(0))
        .startsWith("{\"entry\":{\"aene\":")
        .contains("\"messages\":[{\"content\":\"Day 0:")
        .contains("\"role\":\"user\"");

    CommandRunner.Result jsonl =
        ok("corpus", "export", "file://" + dir.resolve("corpus.git"), "--format", "jsonl");
    assertThat(jsonl.out().lines()).hasSize(306);
  }

  @Test
  void tamperingIsExitOneNamingTheEntry() throws Exception {
    corpusWithTwoBatches();
    try (GitLog log = GitLog.open(dir.resolve("corpus.git"))) {
      new Attacker(log).editEntry(301, l -> l.replace("Day 301", "Day 999"));
    }
    CommandRunner.Result r = cli.run("corpus", "verify", "corpus.git", "--trust-repository-keys");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: verification failed: entry 301: content does not match its leaf hash");
    assertThat(cli.run("corpus", "export", "corpus.git", "--out", "x.jsonl").exitCode())
        .isEqualTo(1);
    assertThat(dir.resolve("x.jsonl")).doesNotExist();
  }

  @Test
  void badInputIsExitTwoAndWritesNothing() throws Exception {
    Files.createDirectories(dir.resolve("plain"));
    CommandRunner.Result notALog = cli.run("corpus", "verify", "plain");
    assertThat(notALog.exitCode()).isEqualTo(2);
    assertThat(notALog.err()).contains("not a git repository");

    Path keys = dir.resolve("home/keys");
    assertThat(
            new CommandRunner(Map.of("AURELIUS_PASSPHRASE", "pw"), dir)
                .run(
                    "keys",
                    "new",
                    "--legacy",
                    "--kind",
                    "coldkey",
                    "--name",
                    "owner",
                    "--home",
                    "home",
                    "--Xscrypt-log-n=10")
                .exitCode())
        .isZero();
    Files.writeString(
        keys.resolve("broken.json"), Files.readString(keys.resolve("log.json")).substring(0, 40));
    String[] init = {"corpus", "init", "c.git", "--origin", "o", "--home", "home"};
    badKey(join(init), "--hotkey: missing (expected: a key name or key id)");
    badKey(join(init, "--hotkey", "nobody"), "key 'nobody': no such key in " + keys);
    badKey(
        join(init, "--hotkey", "owner"), "--hotkey: key 'owner' is a coldkey (expected: a hotkey)");
    badKey(
        join(init, "--hotkey", "broken"), keys.resolve("broken.json") + ": malformed JSON at line");
    assertThat(dir.resolve("c.git")).doesNotExist();

    corpusWithTwoBatches();
    Files.writeString(
        dir.resolve("bad.jsonl"),
        CanonicalJson.string(Fixtures.entryJson(400))
            + "\n{\"schema\":\"aurelius/corpus-entry/1\"}\n");
    CommandRunner.Result badEntry =
        cli.run("corpus", "append", "corpus.git", "bad.jsonl", "--home", "home", "--hotkey", "log");
    assertThat(badEntry.exitCode()).isEqualTo(2);
    assertThat(badEntry.err())
        .isEqualTo("error: bad.jsonl line 2: aene is missing (expected: an object)\n");
    assertThat(ok("corpus", "verify", "corpus.git", "--trust-repository-keys").out())
        .contains("entries:      307");

    CommandRunner.Result foreign =
        cli.run("corpus", "append", "corpus.git", "a.jsonl", "--home", "home", "--hotkey", "w1");
    assertThat(foreign.exitCode()).isEqualTo(2);
    assertThat(foreign.err()).contains("is not the key of log aurelius.test/corpus");

    String[] cosign = {
      "corpus", "cosign", "corpus.git", "--witness-name", "w1", "--home", "home", "--hotkey", "log"
    };
    String refs = refs("corpus.git");
    badKey(cosign, "--witness-hotkey: missing (expected: a key name or key id)");
    badKey(
        join(cosign, "--witness-hotkey", "owner"),
        "--witness-hotkey: key 'owner' is a coldkey (expected: a hotkey)");
    badKey(
        join(cosign, "--witness-hotkey", "broken"),
        keys.resolve("broken.json") + ": malformed JSON at line");
    assertThat(refs("corpus.git")).isEqualTo(refs);
  }

  private void badKey(String[] args, String message) {
    CommandRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("error: ").contains(message);
  }

  private static String[] join(String[] head, String... tail) {
    return Stream.concat(Arrays.stream(head), Arrays.stream(tail)).toArray(String[]::new);
  }

  private String refs(String repo) throws Exception {
    Process git =
        new ProcessBuilder("git", "--git-dir=" + dir.resolve(repo), "for-each-ref")
            .redirectErrorStream(true)
            .start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor()).isZero();
    assertThat(out).isNotBlank();
    return out;
  }

  @Test
  void wrongKeysUnknownSignatureLinesAndMalformedStampsFail() throws Exception {
    corpusWithTwoBatches();
    String witnessKey =
        ok("corpus", "key", "--name", "aurelius.test/corpus", "--home", "home", "--hotkey", "w1")
            .out()
            .lines()
            .filter(l -> l.startsWith("log key:"))
            .findFirst()
            .orElseThrow()
            .substring(17);
    Files.writeString(dir.resolve("wrong-keys.txt"), "# not the corpus key\n" + witnessKey + "\n");
    CommandRunner.Result wrong =
        cli.run("corpus", "verify", "corpus.git", "--trusted-keys", "wrong-keys.txt");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("is not among the trusted keys");

    Files.writeString(dir.resolve("garbage-keys.txt"), "not-a-key\n");
    assertThat(
            cli.run("corpus", "verify", "corpus.git", "--trusted-keys", "garbage-keys.txt")
                .exitCode())
        .isEqualTo(2);

    try (GitLog log = GitLog.open(dir.resolve("corpus.git"))) {
      Attacker a = new Attacker(log);
      String note = new String(a.read(LogPaths.checkpoint(300)), StandardCharsets.UTF_8);
      a.commit(
          Map.of(
              LogPaths.checkpoint(300),
              (note + "- someone c2lnbmF0dXJl\n").getBytes(StandardCharsets.UTF_8)));
    }
    CommandRunner.Result unknownLine =
        cli.run("corpus", "verify", "corpus.git", "--trust-repository-keys");
    assertThat(unknownLine.exitCode()).isEqualTo(1);
    assertThat(unknownLine.err())
        .contains("checkpoint 300: note signature line 2: '- someone c2lnbmF0dXJl'");
  }

  @Test
  void aCheckpointOfSize2To64Minus1IsRefused() throws Exception {
    corpusWithTwoBatches();
    try (GitLog log = GitLog.open(dir.resolve("corpus.git"))) {
      Attacker a = new Attacker(log);
      String note = new String(a.read(LogPaths.LATEST_CHECKPOINT), StandardCharsets.UTF_8);
      a.commit(
          Map.of(
              LogPaths.LATEST_CHECKPOINT,
              note.replace("\n307\n", "\n18446744073709551615\n")
                  .getBytes(StandardCharsets.UTF_8)));
    }
    CommandRunner.Result r = cli.run("corpus", "verify", "corpus.git", "--trust-repository-keys");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "latest checkpoint: checkpoint size: 18446744073709551615 (expected: 0..9223372036854775807)");
  }

  @Test
  void malformedTimestampFails() throws Exception {
    corpusWithTwoBatches();
    try (GitLog log = GitLog.open(dir.resolve("corpus.git"))) {
      new Attacker(log)
          .commit(Map.of(LogPaths.stamp(300), "not a proof".getBytes(StandardCharsets.UTF_8)));
    }
    CommandRunner.Result r = cli.run("corpus", "verify", "corpus.git", "--trust-repository-keys");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "checkpoint 300: timestamp: stamps/00000000000000000300.ots: not an OpenTimestamps proof");
  }

  @Test
  void stampPendingThenUpgradeThenVerifyAgainstBitcoind() throws Exception {
    corpusWithTwoBatches();
    assertThat(ok("corpus", "verify", "corpus.git", "--trust-repository-keys").out())
        .contains("    checkpoint 300: not stamped\n    checkpoint 307: not stamped\n");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    CommandRunner.Result offline =
        ok(
            "corpus",
            "stamp",
            "corpus.git",
            "--home",
            "home",
            "--hotkey",
            "log",
            "--calendar-urls",
            "http://127.0.0.1:" + closed,
            "--calendar-timeout-seconds",
            "2");
    assertThat(offline.out())
        .contains("recorded as pending (no calendar answered): [300, 307]")
        .contains("retry later with: aurelius corpus stamp --upgrade");
    assertThat(ok("corpus", "verify", "corpus.git", "--trust-repository-keys").out())
        .contains("2 awaiting submission")
        .contains("checkpoint 300: pending record only: no calendar has answered yet");

    try (TestCalendar calendar = new TestCalendar()) {
      String url = calendar.uri().toString();
      assertThat(
              ok(
                      "corpus",
                      "stamp",
                      "corpus.git",
                      "--home",
                      "home",
                      "--hotkey",
                      "log",
                      "--calendar-urls",
                      url)
                  .out())
          .contains("still waiting: [300, 307]");
      assertThat(
              ok(
                      "corpus",
                      "stamp",
                      "corpus.git",
                      "--upgrade",
                      "--home",
                      "home",
                      "--hotkey",
                      "log",
                      "--calendar-urls",
                      url)
                  .out())
          .startsWith("stamped: [300, 307]");
      assertThat(ok("corpus", "verify", "corpus.git", "--trust-repository-keys").out())
          .contains("2 pending at calendars")
          .contains("checkpoint 307: pending at [" + url + "], not yet in Bitcoin");
      long height = calendar.mine();
      assertThat(
              ok(
                      "corpus",
                      "stamp",
                      "corpus.git",
                      "--upgrade",
                      "--home",
                      "home",
                      "--hotkey",
                      "log",
                      "--calendar-urls",
                      url)
                  .out())
          .contains("upgraded to Bitcoin: [300, 307]");
      assertThat(ok("corpus", "verify", "corpus.git", "--trust-repository-keys").out())
          .contains("0 bitcoin-verified, 2 complete but unchecked")
          .contains(
              "checkpoint 307: attested in Bitcoin block "
                  + height
                  + ", unchecked (give --bitcoin-rpc to check it against a bitcoind)");
      assertThat(
              ok("corpus", "verify", "corpus.git", "--bitcoin-rpc", calendar.rpcUri().toString())
                  .out())
          .contains("2 bitcoin-verified, 0 complete but unchecked")
          .contains("checkpoint 300: verified in Bitcoin block " + (height - 1) + " (existed by ")
          .contains("checkpoint 307: verified in Bitcoin block " + height + " (existed by ");
    }
  }

  @Test
  void witnessQuorumFromTrustedKeysAndFromTheCovenant() throws Exception {
    corpusWithTwoBatches();
    String logKey =
        ok("corpus", "key", "--name", "aurelius.test/corpus", "--home", "home", "--hotkey", "log")
            .out()
            .lines()
            .filter(l -> l.startsWith("log key:"))
            .findFirst()
            .orElseThrow()
            .substring(17);
    String w1 = witnessKey("w1");
    String w2 = witnessKey("w2");
    Files.writeString(dir.resolve("keys.txt"), logKey + "\n" + w1 + " 60\n" + w2 + " 40\n");
    String[] strict = {
      "corpus", "verify", "corpus.git", "--trusted-keys", "keys.txt", "--require-witnessed-enabled"
    };
    CommandRunner.Result unwitnessed = cli.run(strict);
    assertThat(unwitnessed.exitCode()).isEqualTo(1);
    assertThat(unwitnessed.err())
        .contains("checkpoint 307: not witnessed (cosigned by less than 2/3 of 100 witness stake")
        .contains("--require-witnessed-enabled=false accepts it unwitnessed");
    // Witnesses named: the quorum is required by default, and relaxing it is said aloud.
    CommandRunner.Result byDefault =
        cli.run("corpus", "verify", "corpus.git", "--trusted-keys", "keys.txt");
    assertThat(byDefault.exitCode()).as(byDefault.err()).isEqualTo(1);
    assertThat(byDefault.err()).contains("checkpoint 307: not witnessed");
    CommandRunner.Result twoSources =
        cli.run(
            "corpus",
            "verify",
            "corpus.git",
            "--trusted-keys",
            "keys.txt",
            "--chain-endpoint",
            "127.0.0.1:9",
            "--chain-authority",
            KeyId.of(Ed25519KeyPair.generate().publicKey()).address());
    assertThat(twoSources.exitCode()).isEqualTo(2);
    assertThat(twoSources.err()).contains("(expected: one source of trust)");
    assertThat(
            ok(
                    "corpus",
                    "verify",
                    "corpus.git",
                    "--trusted-keys",
                    "keys.txt",
                    "--require-witnessed-enabled=false")
                .out())
        .contains("none yet (the latest checkpoint, 307, is NOT witnessed)");

    ok(
        "corpus",
        "cosign",
        "corpus.git",
        "--witness-name",
        "w1",
        "--witness-hotkey",
        "w1",
        "--home",
        "home",
        "--hotkey",
        "log");
    assertThat(cli.run(strict).exitCode()).isEqualTo(1);
    ok(
        "corpus",
        "cosign",
        "corpus.git",
        "--witness-name",
        "w2",
        "--witness-hotkey",
        "w2",
        "--home",
        "home",
        "--hotkey",
        "log");
    assertThat(ok(strict).out())
        .contains(
            "witnessed:    1 of 2 checkpoints reach the cosignature quorum; latest witnessed size 307");
    assertThat(
            ok(
                    "corpus",
                    "verify",
                    "corpus.git",
                    "--trusted-keys",
                    "keys.txt",
                    "--witness-quorum",
                    "0.5")
                .out())
        .contains("witnessed:    1 of 2");

    Files.writeString(
        dir.resolve("genesis.json"),
        CanonicalJson.string(
            Fixtures.genesis("aurelius.test/corpus", List.of(logKey), List.of(w1, w2))));
    ok(
        "corpus",
        "init",
        "covenant.git",
        "--kind",
        "covenant",
        "--origin",
        "aurelius.test/covenant",
        "--genesis",
        "genesis.json",
        "--home",
        "home",
        "--hotkey",
        "w2");
    CommandRunner.Result viaCovenant =
        ok("corpus", "verify", "corpus.git", "--covenant", "covenant.git");
    assertThat(viaCovenant.out())
        .contains("covenant aurelius.test/covenant verified: 1 entries")
        .contains("trust:        covenant aurelius.test/covenant")
        .contains("witnessed:    1 of 2");
    assertThat(ok("corpus", "verify", "covenant.git", "--trust-repository-keys").out())
        .contains("covenant:     1 entries (genesis + 0 amendments)");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    CommandRunner fromEnvironment =
        new CommandRunner(
            Map.of("AURELIUS_HOME", dir.resolve("home").toString(), "AURELIUS_HOTKEY", "w2"), dir);
    CommandRunner.Result stamped =
        fromEnvironment.run(
            "corpus", "stamp", "covenant.git", "--calendar-urls", "http://127.0.0.1:" + closed);
    assertThat(stamped.exitCode()).as(stamped.err()).isZero();
    assertThat(stamped.out()).contains("recorded as pending (no calendar answered): [1]");
    assertThat(ok("corpus", "verify", "covenant.git", "--trust-repository-keys").out())
        .contains("1 awaiting submission");
  }

  private String witnessKey(String name) {
    return ok("corpus", "key", "--name", name, "--home", "home", "--hotkey", name)
        .out()
        .lines()
        .filter(l -> l.startsWith("witness key:"))
        .findFirst()
        .orElseThrow()
        .substring(17);
  }
}

package io.aurelius.node.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.node.cli.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus export --out} writes self-proving records and a card; verify-record checks one. */
class VerifyRecordCommandTest {
  /** These tests are about records, not whom to trust: the repository's key is accepted. */
  private static final String TRUST = "--trust-repository-keys";

  @TempDir Path dir;
  private CommandRunner cli;
  private String logKey;

  @BeforeEach
  void corpus() throws Exception {
    cli = new CommandRunner(Map.of(), dir);
    for (String name : List.of("log", "other")) {
      ok("keys", "new", "--legacy", "--kind", "hotkey", "--name", name, "--home", "home");
    }
    String origin = "aurelius.test/corpus";
    ok("corpus", "init", "corpus.git", "--origin", origin, "--home", "home", "--hotkey", "log");
    Files.writeString(
        dir.resolve("a.jsonl"),
        LongStream.range(0, 40)
            .mapToObj(i -> CanonicalJson.string(Fixtures.entryJson(i)))
            .collect(Collectors.joining("\n", "", "\n")));
    ok("corpus", "append", "corpus.git", "a.jsonl", "--home", "home", "--hotkey", "log");
    logKey = key("log", origin);
    Files.createDirectory(dir.resolve("out"));
  }

  @Test
  void anExportIsReadableHasACardAndEachRecordVerifiesAlone() throws Exception {
    CommandRunner.Result exported =
        ok(
            "corpus",
            "export",
            "corpus.git",
            "--format",
            "chat",
            "--out",
            "out/chat.jsonl",
            TRUST,
            "--seen-dir",
            "seen");
    assertThat(exported.out()).contains("exported 40 entries").contains("dataset card");
    Path file = dir.resolve("out/chat.jsonl");
    Path card = dir.resolve("out/README.md");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(card)))
        .isEqualTo("rw-r--r--");
    assertThat(Files.readString(card))
        .contains("`chat.jsonl`: 40 records in the `chat` format")
        .contains("Records per model: `sim` 40; 40 of 40 are output of the embedded simulation")
        .contains("- origin: `aurelius.test/corpus`")
        .contains("- log key: `" + logKey + "`")
        .contains("## Licence")
        .contains("declares no licence")
        .contains("aurelius corpus verify-record chat.jsonl --line 1 --trusted-key '" + logKey);

    CommandRunner.Result one =
        ok("corpus", "verify-record", "out/chat.jsonl", "--line", "8", "--trusted-key", logKey);
    assertThat(one.out())
        .startsWith("OK: entry 7 (id ")
        .contains("included in checkpoint 40 of aurelius.test/corpus, signed by trusted key");
    assertThat(one.out().lines()).hasSize(1);

    Files.writeString(dir.resolve("one.jsonl"), Files.readAllLines(file).get(0) + "\n");
    assertThat(ok("corpus", "verify-record", "one.jsonl").out())
        .contains("self-consistent, not who signed it");

    // exporting again replaces its own card
    ok("corpus", "export", "corpus.git", "--out", "out/corpus.jsonl", TRUST, "--seen-dir", "seen");
    assertThat(Files.readString(card)).contains("`corpus.jsonl`: 40 records in the `jsonl` format");
  }

  @Test
  void failuresAreExitOneAndBadInputExitTwo() throws Exception {
    ok("corpus", "export", "corpus.git", "--out", "out/corpus.jsonl", TRUST, "--seen-dir", "seen");
    List<String> records = Files.readAllLines(dir.resolve("out/corpus.jsonl"));

    CommandRunner.Result untrusted =
        cli.run(
            "corpus",
            "verify-record",
            "out/corpus.jsonl",
            "--line",
            "2",
            "--trusted-key",
            key("other", "aurelius.test/corpus"));
    assertThat(untrusted.exitCode()).isEqualTo(1);
    assertThat(untrusted.err())
        .contains("out/corpus.jsonl line 2: checkpoint 40 of aurelius.test/corpus: no signature");

    Files.writeString(
        dir.resolve("tampered.jsonl"), records.get(3).replace("Day 3:", "Day 4:") + "\n");
    CommandRunner.Result tampered = cli.run("corpus", "verify-record", "tampered.jsonl");
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.err()).contains("entry 3: jsonl field 'id' does not match the entry");

    CommandRunner.Result many = cli.run("corpus", "verify-record", "out/corpus.jsonl");
    assertThat(many.exitCode()).isEqualTo(2);
    assertThat(many.err())
        .contains("more than one record (expected: one record; choose one with --line N)");
    Files.writeString(dir.resolve("junk.jsonl"), "{\"index\": 1}\n");
    CommandRunner.Result junk = cli.run("corpus", "verify-record", "junk.jsonl");
    assertThat(junk.exitCode()).isEqualTo(2);
    assertThat(junk.err()).contains("record: proof is missing");
    assertThat(cli.run("corpus", "verify-record", "nothing.jsonl").exitCode()).isEqualTo(2);

    Files.writeString(dir.resolve("README.md"), "my notes\n");
    CommandRunner.Result ownReadme =
        cli.run("corpus", "export", "corpus.git", "--out", "x.jsonl", TRUST, "--seen-dir", "seen");
    assertThat(ownReadme.exitCode()).isEqualTo(2);
    assertThat(ownReadme.err()).contains("is not an export's dataset card");
    assertThat(dir.resolve("x.jsonl")).doesNotExist();
  }

  private String key(String hotkey, String origin) {
    return ok("corpus", "key", "--name", origin, "--home", "home", "--hotkey", hotkey)
        .out()
        .lines()
        .filter(l -> l.startsWith("log key:"))
        .findFirst()
        .orElseThrow()
        .substring("log key:".length())
        .strip();
  }

  private CommandRunner.Result ok(String... args) {
    CommandRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }
}

package io.aurelius.node.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.node.cli.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpus verify} remembers what it verified, per origin, like a Go checksum-database client:
 * a later rollback, fork or new log key fails, naming both checkpoints or the key.
 */
class CorpusSeenTest {
  private static final String ORIGIN = "aurelius.test/corpus";

  @TempDir Path dir;
  private CommandRunner cli;

  @BeforeEach
  void keys() {
    cli = new CommandRunner(Map.of("AURELIUS_HOME", dir.resolve("home").toString()), dir);
    for (String name : List.of("log", "other", "w")) {
      ok("keys", "new", "--legacy", "--kind", "hotkey", "--name", name);
    }
  }

  private CommandRunner.Result ok(String... args) {
    CommandRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  private CommandRunner.Result verify(String repo, String... more) {
    List<String> args = new ArrayList<>(List.of("corpus", "verify", repo));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private void log(String repo, String key, long... batches) throws Exception {
    ok("corpus", "init", repo, "--origin", ORIGIN, "--hotkey", key);
    for (int i = 0; i + 1 < batches.length; i += 2) {
      append(repo, key, batches[i], (int) batches[i + 1]);
    }
  }

  private void append(String repo, String key, long from, int count) throws Exception {
    Path file = dir.resolve("batch.jsonl");
    Files.writeString(
        file,
        LongStream.range(from, from + count)
            .mapToObj(i -> CanonicalJson.string(Fixtures.entryJson(i)))
            .collect(Collectors.joining("\n", "", "\n")));
    ok("corpus", "append", repo, file.toString(), "--hotkey", key);
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void aKeyOnlyTheRepositoryDeclaresIsRefusedUnlessAcceptedExplicitly() throws Exception {
    log("corpus.git", "log", 0, 3);
    CommandRunner.Result r = verify("corpus.git");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: verification failed: log key " + ORIGIN + "+")
        .contains("is declared only by the repository")
        .contains("--trust-repository-keys");
    assertThat(Files.exists(dir.resolve("home/corpus-seen"))).isFalse();

    CommandRunner.Result first = verify("corpus.git", "--trust-repository-keys");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("seen:         first contact; remembering checkpoint 3");
    // from now on the remembered key is trusted without the flag
    assertThat(verify("corpus.git").exitCode()).isZero();
  }

  @Test
  void sameCheckpointAndGrowthWithAConsistencyProofPass() throws Exception {
    log("corpus.git", "log", 0, 300);
    assertThat(verify("corpus.git", "--trust-repository-keys").exitCode()).isZero();
    CommandRunner.Result same = verify("corpus.git");
    assertThat(same.exitCode()).as(same.err()).isZero();
    assertThat(same.out()).contains("consistent with checkpoint 300 verified before");

    append("corpus.git", "log", 300, 7);
    CommandRunner.Result grown = verify("corpus.git");
    assertThat(grown.exitCode()).as(grown.err()).isZero();
    assertThat(grown.out())
        .contains("consistent with checkpoint 300 verified before; remembering 307");

    Path state = dir.resolve("home/corpus-seen/aurelius.test%2Fcorpus");
    assertThat(Files.readString(state)).contains("\"size\":307");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("home/corpus-seen"))))
        .isEqualTo("rwx------");
  }

  @Test
  void aRollbackToAnOlderSignedCheckpointFails() throws Exception {
    log("corpus.git", "log", 0, 300, 300, 7);
    assertThat(verify("corpus.git", "--trust-repository-keys").exitCode()).isZero();
    git("--git-dir=corpus.git", "update-ref", "refs/heads/main", "main~1");
    // still a perfectly signed log on its own
    assertThat(
            verify("corpus.git", "--seen-dir", "elsewhere", "--trust-repository-keys").exitCode())
        .isZero();

    CommandRunner.Result r = verify("corpus.git");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "error: verification failed: rollback: checkpoint " + ORIGIN + " size 300 root ")
        .contains("is smaller than " + ORIGIN + " size 307 root ")
        .contains("remembered in ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void exportTrustsAsVerifyDoes() throws Exception {
    log("corpus.git", "log", 0, 300, 300, 7);
    CommandRunner.Result unknown = cli.run("corpus", "export", "corpus.git");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("is declared only by the repository");
    assertThat(unknown.out()).isEmpty();

    CommandRunner.Result first =
        cli.run("corpus", "export", "corpus.git", "--trust-repository-keys");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out().lines()).hasSize(307);
    assertThat(Files.readString(dir.resolve("home/corpus-seen/aurelius.test%2Fcorpus")))
        .contains("\"size\":307");

    git("--git-dir=corpus.git", "update-ref", "refs/heads/main", "main~1");
    CommandRunner.Result rolledBack = cli.run("corpus", "export", "corpus.git");
    assertThat(rolledBack.exitCode()).isEqualTo(1);
    assertThat(rolledBack.err()).contains("rollback: checkpoint " + ORIGIN + " size 300 root ");
    assertThat(rolledBack.out()).isEmpty();
  }

  private String keyLine(String name, String hotkey, String prefix) {
    return ok("corpus", "key", "--name", name, "--hotkey", hotkey)
        .out()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow()
        .substring(prefix.length())
        .strip();
  }

  private void cosign(String repo) {
    ok("corpus", "cosign", repo, "--witness-name", "w", "--witness-hotkey", "w", "--hotkey", "log");
  }

  @Test
  void aRollbackFailsWithTrustedKeysAndARequiredWitnessQuorumToo() throws Exception {
    log("corpus.git", "log", 0, 300);
    cosign("corpus.git");
    append("corpus.git", "log", 300, 7);
    cosign("corpus.git");
    Files.writeString(
        dir.resolve("keys.txt"),
        keyLine(ORIGIN, "log", "log key:") + "\n" + keyLine("w", "w", "witness key:") + "\n");
    String[] strict = {"--trusted-keys", "keys.txt", "--require-witnessed-enabled"};
    CommandRunner.Result first = verify("corpus.git", strict);
    assertThat(first.exitCode()).as(first.err()).isZero();
    // back to the commit of the witnessed checkpoint 300: signed, cosigned, consistent in itself
    git("--git-dir=corpus.git", "update-ref", "refs/heads/main", "main~2");
    CommandRunner.Result rolledBack = verify("corpus.git", strict);
    assertThat(rolledBack.exitCode()).isEqualTo(1);
    assertThat(rolledBack.err())
        .contains("rollback: checkpoint " + ORIGIN + " size 300 root ")
        .contains("is smaller than " + ORIGIN + " size 307 root ");
  }

  @Test
  void aNewKeyNamedExplicitlyIsAcceptedAndRememberedWhileTheHistoryHolds() throws Exception {
    log("corpus.git", "log", 0, 5);
    assertThat(verify("corpus.git", "--trust-repository-keys").exitCode()).isZero();
    log("rekeyed.git", "other", 0, 5);
    Files.writeString(dir.resolve("new-key.txt"), keyLine(ORIGIN, "other", "log key:") + "\n");
    // same entries under a new key: same root, so consistent with what was seen
    CommandRunner.Result accepted = verify("rekeyed.git", "--trusted-keys", "new-key.txt");
    assertThat(accepted.exitCode()).as(accepted.err()).isZero();
    assertThat(verify("rekeyed.git").exitCode()).isZero();
    assertThat(verify("corpus.git").err()).contains("re-keyed");
  }

  @Test
  void aDamagedMemoryFailsLoudly() throws Exception {
    log("corpus.git", "log", 0, 3);
    assertThat(verify("corpus.git", "--trust-repository-keys").exitCode()).isZero();
    Files.writeString(dir.resolve("home/corpus-seen/aurelius.test%2Fcorpus"), "{\"format\":1}");
    CommandRunner.Result r = verify("corpus.git", "--trust-repository-keys");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: cannot read the checkpoint seen before: ")
        .contains("aurelius.test%2Fcorpus: format '1' (expected: aurelius-seen/1)");
  }

  @Test
  void aForkUnderTheSameKeyFails() throws Exception {
    log("corpus.git", "log", 0, 300, 300, 7);
    log("fork.git", "log", 0, 300, 500, 10);
    log("twin.git", "log", 0, 300, 600, 7);
    assertThat(verify("corpus.git", "--trust-repository-keys").exitCode()).isZero();

    CommandRunner.Result larger = verify("fork.git");
    assertThat(larger.exitCode()).isEqualTo(1);
    assertThat(larger.err())
        .startsWith("error: verification failed: fork: checkpoint " + ORIGIN + " size 310 root ")
        .contains("is not consistent with " + ORIGIN + " size 307 root ");

    CommandRunner.Result sameSize = verify("twin.git");
    assertThat(sameSize.exitCode()).isEqualTo(1);
    assertThat(sameSize.err())
        .startsWith("error: verification failed: fork: checkpoint " + ORIGIN + " size 307 root ")
        .contains("has another root than " + ORIGIN + " size 307 root ");
  }

  @Test
  void aLogRebuiltUnderAnotherKeyFailsNamingBothKeys() throws Exception {
    log("corpus.git", "log", 0, 5);
    log("rekeyed.git", "other", 0, 5);
    assertThat(verify("corpus.git", "--trust-repository-keys").exitCode()).isZero();
    CommandRunner.Result r = verify("rekeyed.git", "--trust-repository-keys");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: verification failed: re-keyed: log key " + ORIGIN + "+")
        .contains("differs from key " + ORIGIN + "+")
        .contains("remembered for " + ORIGIN);
  }

  @Test
  void sincePinsAFirstContact() throws Exception {
    log("corpus.git", "log", 0, 300, 300, 7);
    log("fork.git", "log", 0, 300, 500, 10);
    String pinned = git("--git-dir=corpus.git", "show", "main:checkpoint");
    Files.writeString(dir.resolve("pinned"), pinned);

    CommandRunner.Result good =
        verify("corpus.git", "--trust-repository-keys", "--since", "pinned");
    assertThat(good.exitCode()).as(good.err()).isZero();
    CommandRunner.Result bad =
        verify("fork.git", "--trust-repository-keys", "--seen-dir", "fresh", "--since", pinned);
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err())
        .contains("fork: checkpoint " + ORIGIN + " size 310")
        .contains("not consistent with " + ORIGIN + " size 307")
        .contains("(--since)");
  }

  @Test
  void aStockClonesWorkingDirectoryVerifies() throws Exception {
    log("corpus.git", "log", 0, 3);
    git("clone", "-q", "corpus.git", "clone");
    CommandRunner.Result r = verify("clone", "--trust-repository-keys");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("entries:      3").endsWith("OK\n");
  }
}

package io.aurelius.anchoring.gitsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits signed here are accepted by the stock git binary and by the Java check. */
class SignedCommitsTest {
  private final Ed25519KeyPair key = Ed25519KeyPair.fromSeed(new byte[32]);

  @Test
  void stockGitVerifiesOurCommits(@TempDir Path dir) throws Exception {
    Path repoDir = dir.resolve("log.git");
    ObjectId commit;
    try (FileRepository repo = new FileRepository(repoDir.toFile())) {
      repo.create(true);
      try (ObjectInserter ins = repo.newObjectInserter()) {
        ObjectId first = commit(ins, null, "first batch\n");
        commit = commit(ins, first, "second batch\n\nwith a body line\n");
        ins.flush();
      }
      RefUpdate ru = repo.updateRef("refs/heads/main");
      ru.setNewObjectId(commit);
      assertThat(ru.forceUpdate()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED);
      repo.updateRef(Constants.HEAD).link("refs/heads/main");
      byte[] raw = repo.open(commit).getCachedBytes();
      assertThat(SignedCommits.verify(raw)).isEqualTo(key.publicKey());
      assertThat(new String(raw, StandardCharsets.US_ASCII))
          .contains("\ngpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH");
    }
    Path allowed = dir.resolve("allowed_signers");
    Files.writeString(
        allowed, SshEd25519Key.allowedSignersLine("aurelius-validator", key.publicKey()) + "\n");
    Result good =
        git(
            repoDir,
            "-c",
            "gpg.ssh.allowedSignersFile=" + allowed,
            "verify-commit",
            "-v",
            commit.name());
    assertThat(good.exit).as(good.output).isZero();
    assertThat(good.output)
        .contains("Good \"git\" signature for aurelius-validator with ED25519 key");
    Result log =
        git(
            repoDir,
            "-c",
            "gpg.ssh.allowedSignersFile=" + allowed,
            "log",
            "--format=%G? %s",
            "main");
    assertThat(log.output.lines().toList()).containsExactly("G second batch", "G first batch");

    Files.writeString(
        allowed,
        SshEd25519Key.allowedSignersLine("someone-else", Ed25519KeyPair.generate().publicKey())
            + "\n");
    Result bad =
        git(repoDir, "-c", "gpg.ssh.allowedSignersFile=" + allowed, "verify-commit", commit.name());
    assertThat(bad.exit).isNotZero();
  }

  @Test
  void alteredCommitOrForeignNamespaceFails() throws Exception {
    CommitBuilder cb = builder(null, "message\n");
    byte[] payload = cb.build();
    byte[] signed = SignedCommits.splice(payload, SshSignature.sign(key, "git", payload));
    assertThat(SignedCommits.verify(signed)).isEqualTo(key.publicKey());
    byte[] altered =
        new String(signed, StandardCharsets.US_ASCII)
            .replace("message", "massage")
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> SignedCommits.verify(altered)).hasMessageContaining("does not verify");
    assertThatThrownBy(() -> SignedCommits.verify(payload))
        .hasMessage("commit: not signed (no gpgsig header)");
    byte[] fileNs = SignedCommits.splice(payload, SshSignature.sign(key, "file", payload));
    assertThatThrownBy(() -> SignedCommits.verify(fileNs))
        .hasMessage("SSH signature: namespace 'file' (expected: 'git')");
  }

  private ObjectId commit(ObjectInserter ins, ObjectId parent, String message) throws IOException {
    return SignedCommits.insert(ins, builderWithTree(ins, parent, message), key);
  }

  private static CommitBuilder builderWithTree(ObjectInserter ins, ObjectId parent, String message)
      throws IOException {
    TreeFormatter tree = new TreeFormatter();
    tree.append(
        "file",
        org.eclipse.jgit.lib.FileMode.REGULAR_FILE,
        ins.insert(Constants.OBJ_BLOB, message.getBytes(StandardCharsets.UTF_8)));
    CommitBuilder cb = builder(parent, message);
    cb.setTreeId(ins.insert(tree));
    return cb;
  }

  private static CommitBuilder builder(ObjectId parent, String message) {
    CommitBuilder cb = new CommitBuilder();
    cb.setTreeId(ObjectId.fromString("4b825dc642cb6eb9a060e54bf8d69288fbee4904"));
    if (parent != null) {
      cb.setParentIds(List.of(parent));
    }
    PersonIdent who =
        new PersonIdent(
            "aurelius validator",
            "validator@aurelius.invalid",
            java.time.Instant.ofEpochSecond(1_700_000_000L),
            java.time.ZoneOffset.UTC);
    cb.setAuthor(who);
    cb.setCommitter(who);
    cb.setMessage(message);
    return cb;
  }

  private record Result(int exit, String output) {}

  private static Result git(Path repo, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "--git-dir=" + repo));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}

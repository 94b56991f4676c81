package io.aurelius.validator.publish;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The validator's {@code world-model.git}: a bare repository on {@code refs/heads/main} whose
 * {@code adoptions.jsonl} is the world-model registry, one commit per adoption (the file grown by
 * one line, with {@code Module-Id:} and {@code World-Model:} trailers). The registry file is
 * written first; {@link #publish} commits whatever of it the branch lacks, so a registry that
 * existed before the repository, or an adoption a crash left uncommitted, is committed on the next
 * call. Commits depend on the registry lines only (a fixed identity, the time of {@link
 * #time(Adoption)}), so two validators with byte-identical registries have the same commit ids. A
 * clone is checked with {@code aurelius module registry CLONE}.
 */
public final class WorldModelRepository implements AutoCloseable {
  static final String BRANCH = BareRepositories.BRANCH;

  private final Repository repository;
  private final Path directory;

  private WorldModelRepository(Repository repository, Path directory) {
    this.repository = repository;
    this.directory = directory;
  }

  public static WorldModelRepository open(Path directory) {
    Path dir = requireNonNull(directory, "directory").toAbsolutePath().normalize();
    return new WorldModelRepository(
        BareRepositories.openOrCreate(dir, "world-model repository"), dir);
  }

  public Path directory() {
    return directory;
  }

  /**
   * Commits, one by one, the adoptions of {@code registry} the branch does not hold yet; returns
   * how many.
   *
   * @throws IllegalStateException (one line) when the branch holds lines the registry does not
   *     start with (a registry replaced or rewritten under a published history)
   */
  public synchronized int publish(ModuleRegistry registry) {
    List<Adoption> adoptions = registry.adoptions();
    List<String> lines = registryLines(registry, adoptions.size());
    try {
      List<String> committed = committed();
      if (committed.size() > lines.size()
          || !lines.subList(0, committed.size()).equals(committed)) {
        throw new IllegalStateException(
            directory
                + ": holds "
                + committed.size()
                + " adoptions that "
                + registry.file()
                + " does not start with (expected: a registry that only grows)");
      }
      for (int n = committed.size(); n < lines.size(); n++) {
        Adoption a = adoptions.get(n);
        StringBuilder file = new StringBuilder();
        lines.subList(0, n + 1).forEach(l -> file.append(l).append('\n'));
        commit(
            file.toString(),
            time(a),
            "World model "
                + a.version().number()
                + ": adopt "
                + a.module().kind().json()
                + " "
                + a.module().name()
                + "\n\nModule-Id: "
                + a.module().id().hex()
                + "\nWorld-Model: "
                + a.version()
                + "\n");
      }
      return lines.size() - committed.size();
    } catch (IOException e) {
      throw new UncheckedIOException(directory + ": cannot publish: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code adoptions.jsonl} at the head of the repository in {@code gitDir} (a clone's {@code
   * .git} or a bare repository), after checking that every commit on the head's first-parent line
   * grows it by exactly one line and keeps every line before.
   *
   * @throws IllegalArgumentException (one line, naming the commit) otherwise
   */
  public static String verifiedHead(Path gitDir) {
    try (Repository repo =
            new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        throw new IllegalArgumentException(
            gitDir + ": no commit (expected: a world-model history)");
      }
      List<RevCommit> line = new ArrayList<>();
      for (RevCommit c = walk.parseCommit(head); c != null; ) {
        line.add(0, c);
        c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
      }
      List<String> before = List.of();
      String text = "";
      for (RevCommit c : line) {
        TreeWalk file = TreeWalk.forPath(repo, ModuleRegistry.FILE, c.getTree());
        text =
            file == null
                ? ""
                : new String(repo.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        List<String> now = text.lines().toList();
        if (now.size() != before.size() + 1 || !now.subList(0, before.size()).equals(before)) {
          throw new IllegalArgumentException(
              gitDir
                  + ": commit "
                  + c.getId().abbreviate(12).name()
                  + " turns "
                  + before.size()
                  + " adoptions into "
                  + now.size()
                  + " (expected: the ones before and one more)");
        }
        before = now;
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(gitDir + ": " + e.getMessage(), e);
    }
  }

  private static List<String> registryLines(ModuleRegistry registry, int count) {
    if (count == 0) {
      return List.of();
    }
    try {
      return Files.readAllLines(registry.file(), StandardCharsets.UTF_8).subList(0, count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> committed() throws IOException {
    ObjectId tip = repository.resolve(BRANCH);
    if (tip == null) {
      return List.of();
    }
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(tip);
      TreeWalk file = TreeWalk.forPath(repository, ModuleRegistry.FILE, commit.getTree());
      if (file == null) {
        return List.of();
      }
      String text =
          new String(repository.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      return new ArrayList<>(text.lines().toList());
    }
  }

  /**
   * The commit time of an adoption: its version number, in seconds after the Unix epoch. Taken from
   * the adoption, not the clock, so that validators that write the same registry lines make the
   * same commits; when it happened is kept elsewhere (its epoch, in the state store).
   */
  static Instant time(Adoption adoption) {
    return Instant.ofEpochSecond(adoption.version().number());
  }

  private void commit(String adoptions, Instant time, String message) throws IOException {
    ObjectId tip = repository.resolve(BRANCH);
    try (ObjectInserter inserter = repository.newObjectInserter();
        RevWalk walk = new RevWalk(repository)) {
      // The whole tree each time: the README and the registry (entries in path order).
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      List<String[]> files = new ArrayList<>();
      files.add(new String[] {"README.md", README});
      files.add(new String[] {ModuleRegistry.FILE, adoptions});
      for (String[] f : files) {
        DirCacheEntry entry = new DirCacheEntry(f[0]);
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(
            inserter.insert(Constants.OBJ_BLOB, f[1].getBytes(StandardCharsets.UTF_8)));
        builder.add(entry);
      }
      builder.finish();
      PersonIdent who =
          new PersonIdent("aurelius validator", "validator@aurelius.invalid", time, ZoneOffset.UTC);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      if (tip != null) {
        commit.setParentId(tip);
      }
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef(BRANCH);
      update.setNewObjectId(id);
      update.setExpectedOldObjectId(tip == null ? ObjectId.zeroId() : tip);
      RefUpdate.Result result = update.update(walk);
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
        throw new IOException("cannot move " + BRANCH + ": " + result);
      }
    }
  }

  private static final String README =
      "# World model\n\nThe modules this validator's world model adopted, one signed line per adoption in "
          + "`adoptions.jsonl`\n(one commit each). Check a clone with `aurelius module registry CLONE`: "
          + "it replays\nevery adoption, recomputes every version and verifies every approver's "
          + "signature.\n";

  @Override
  public void close() {
    repository.close();
  }
}

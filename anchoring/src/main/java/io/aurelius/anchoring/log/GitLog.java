package io.aurelius.anchoring.log;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A log's bare git repository. Its state is the commit at {@value #BRANCH}; everything written
 * before that ref moves is invisible garbage, so a crash mid-append changes nothing. Reading goes
 * through {@link #head()} snapshots; writing through a {@link LogWriter}.
 */
public final class GitLog implements AutoCloseable {
  public static final String BRANCH = "refs/heads/main";

  private final Path directory;
  private final Repository repo;

  private GitLog(Path directory, Repository repo) {
    this.directory = directory;
    this.repo = repo;
  }

  /** Opens an existing log; anything that is not one is a {@link NotALogException}. */
  public static GitLog open(Path directory) throws LogException {
    requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new NotALogException(
          directory + ": no such directory (expected: a bare git repository of an aurelius log)");
    }
    Repository repo;
    try {
      repo = new FileRepository(directory.toFile());
      if (!repo.getObjectDatabase().exists()) {
        repo.close();
        throw new NotALogException(
            directory + ": not a git repository (expected: a bare repository of an aurelius log)");
      }
    } catch (RepositoryNotFoundException e) {
      throw new NotALogException(directory + ": not a git repository");
    } catch (IOException e) {
      throw new NotALogException(
          directory + ": cannot open as a git repository: " + e.getMessage());
    }
    GitLog log = new GitLog(directory, repo);
    try {
      log.head();
    } catch (LogException e) {
      repo.close();
      throw e;
    }
    return log;
  }

  /**
   * Clones a published log (its {@value #BRANCH} branch only) from a git URL into a new bare
   * repository at {@code directory}, then opens it.
   */
  public static GitLog cloneFrom(String url, Path directory) throws LogException {
    requireNonNull(url, "url");
    requireNonNull(directory, "directory");
    try {
      org.eclipse.jgit.api.Git.cloneRepository()
          .setURI(url)
          .setBare(true)
          .setDirectory(directory.toFile())
          .setBranchesToClone(java.util.List.of(BRANCH))
          .setBranch(BRANCH)
          .call()
          .close();
    } catch (org.eclipse.jgit.api.errors.GitAPIException
        | org.eclipse.jgit.errors.UnsupportedCredentialItem
        | org.eclipse.jgit.api.errors.JGitInternalException e) {
      String why =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      throw new NotALogException(url + ": cannot clone (" + why + ")");
    }
    return open(directory);
  }

  /** Creates the bare repository; the first commit comes from {@link LogWriter#initialize}. */
  static GitLog createRepository(Path directory) throws LogException {
    try {
      if (Files.exists(directory) && (!Files.isDirectory(directory) || !isEmpty(directory))) {
        throw new LogConflictException(
            directory + ": already exists and is not empty (expected: a new directory)");
      }
      Files.createDirectories(directory);
      Repository repo = new FileRepository(directory.toFile());
      repo.create(true);
      repo.updateRef(Constants.HEAD).link(BRANCH);
      var config = repo.getConfig();
      config.setBoolean("core", null, "logAllRefUpdates", true);
      config.save();
      return new GitLog(directory, repo);
    } catch (IOException e) {
      throw new LogException(directory + ": cannot create repository: " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (var entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  public Path directory() {
    return directory;
  }

  public Repository repository() {
    return repo;
  }

  /** The log as of the current head commit. */
  public LogSnapshot head() throws LogException {
    ObjectId id =
        headId()
            .orElseThrow(
                () ->
                    new NotALogException(
                        directory + ": no " + BRANCH + " branch (expected: an aurelius log)"));
    return at(id);
  }

  /** The log as of any commit of its history. */
  public LogSnapshot at(ObjectId commit) throws LogException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(commit);
      return LogSnapshot.at(repo, c, directory.toString());
    } catch (org.eclipse.jgit.errors.MissingObjectException
        | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      throw new LogCorruptException(
          directory + ": commit " + commit.name() + " is missing or not a commit");
    } catch (IOException e) {
      throw new LogException(directory + ": " + e.getMessage(), e);
    }
  }

  java.util.Optional<ObjectId> headId() throws LogException {
    try {
      Ref ref = repo.exactRef(BRANCH);
      return java.util.Optional.ofNullable(ref).map(Ref::getObjectId);
    } catch (IOException e) {
      throw new LogException(directory + ": cannot read " + BRANCH + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    repo.close();
  }
}

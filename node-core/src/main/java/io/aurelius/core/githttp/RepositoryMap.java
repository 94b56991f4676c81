package io.aurelius.core.githttp;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/** The served repositories by name; the only way a request reaches the file system. */
final class RepositoryMap {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Map<String, Path> byName;

  RepositoryMap(Map<String, Path> repositoriesByName) {
    requireNonNull(repositoriesByName, "repositoriesByName");
    TreeMap<String, Path> copy = new TreeMap<>();
    repositoriesByName.forEach(
        (name, dir) -> {
          requireNonNull(name, "repository name");
          requireNonNull(dir, "repository " + name);
          if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException(
                "repository name: "
                    + GitRoute.quote(name)
                    + " (expected: 1..100 of A-Z a-z 0-9 . _ -, starting with a letter or digit,"
                    + " no '..')");
          }
          copy.put(name, dir.toAbsolutePath().normalize());
        });
    this.byName = Map.copyOf(copy);
  }

  Set<String> names() {
    return new java.util.TreeSet<>(byName.keySet());
  }

  /** Opens the named bare repository; the caller closes it. */
  Repository open(String name) throws GitHttpException, IOException {
    Path dir = byName.get(name);
    if (dir == null) {
      throw notFound(name);
    }
    try {
      return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    } catch (RepositoryNotFoundException e) {
      throw notFound(name);
    }
  }

  /** Fails with a 404 unless the named repository exists on disk now. */
  void require(String name) throws GitHttpException {
    Path dir = byName.get(name);
    if (dir == null || !RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED)) {
      throw notFound(name);
    }
  }

  /** Opens a repository while a response is already under way, when only I/O can fail. */
  Repository openForBody(String name) throws IOException {
    try {
      return open(name);
    } catch (GitHttpException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  static GitHttpException notFound(String name) {
    return new GitHttpException(404, "repository: " + GitRoute.quote(name) + " not found");
  }
}

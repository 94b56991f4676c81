package io.aurelius.miner.remote;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.OwnerOnlyFiles;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Fetches the branches of a remote repository (no tags) into a temporary bare repository and finds
 * one configuration in them by id. Files named {@code configs/<id>.json} are looked at first;
 * failing that, every JSON file of the tip trees (up to {@link #MAX_SCANNED_FILES}) is read and its
 * id computed, so repositories laid out differently still work. The temporary repository is deleted
 * before returning.
 */
public final class RemoteConfigs {
  public static final int MAX_OBJECTS = 100_000;
  public static final int MAX_SCANNED_FILES = 10_000;
  private static final Pattern NAMED = Pattern.compile("(?:.*/)?([0-9a-f]{64})\\.json");
  private static final String MAIN = "refs/heads/main";

  private final Path workDir;
  private final Duration timeout;
  private final int maxObjects;

  /**
   * @param workDir where the temporary repository is made (e.g. {@code <home>/miner/tmp})
   * @param timeout how long the remote may stay silent before the fetch fails
   */
  public RemoteConfigs(Path workDir, Duration timeout) {
    this(workDir, timeout, MAX_OBJECTS);
  }

  RemoteConfigs(Path workDir, Duration timeout, int maxObjects) {
    this.workDir = requireNonNull(workDir, "workDir");
    this.timeout = requireNonNull(timeout, "timeout");
    if (timeout.toSeconds() < 1) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: at least 1 s)");
    }
    this.maxObjects = maxObjects;
  }

  public FetchedConfig fetch(ConfigRef ref) {
    requireNonNull(ref, "ref");
    Path temp;
    try {
      OwnerOnlyFiles.createDirectories(workDir);
      temp = Files.createTempDirectory(workDir, "fetch-");
    } catch (IOException e) {
      throw new RemoteException(
          RemoteException.Kind.UNREACHABLE,
          workDir + ": cannot make a temporary repository: " + e.getMessage(),
          e);
    }
    try (Git git = Git.init().setBare(true).setDirectory(temp.toFile()).call()) {
      // no gc after the fetch, least of all in the background: the repository is deleted
      StoredConfig config = git.getRepository().getConfig();
      config.setInt("gc", null, "auto", 0);
      config.setInt("gc", null, "autoPackLimit", 0);
      config.setBoolean("gc", null, "autoDetach", false);
      config.save();
      download(git, ref);
      return find(git.getRepository(), ref);
    } catch (GitAPIException e) {
      throw new RemoteException(
          RemoteException.Kind.UNREACHABLE,
          ref.repository() + ": cannot create a temporary repository: " + oneLine(e),
          e);
    } catch (IOException e) {
      throw new RemoteException(
          RemoteException.Kind.UNREACHABLE,
          ref.repository() + ": cannot read what was fetched: " + oneLine(e),
          e);
    } finally {
      deleteTree(temp);
    }
  }

  private void download(Git git, ConfigRef ref) {
    ObjectBudget budget = new ObjectBudget(maxObjects);
    try {
      git.fetch()
          .setRemote(ref.repository().toString())
          .setRefSpecs("+refs/heads/*:refs/heads/*")
          .setTagOpt(TagOpt.NO_TAGS)
          .setCheckFetchedObjects(true)
          .setTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()))
          .setProgressMonitor(budget)
          .call();
    } catch (GitAPIException | RuntimeException e) {
      String why =
          budget.exceeded()
              ? "more than " + maxObjects + " objects (expected: a " + "configuration repository)"
              : oneLine(e);
      throw new RemoteException(
          RemoteException.Kind.UNREACHABLE, ref.repository() + ": cannot fetch: " + why, e);
    }
  }

  private static FetchedConfig find(Repository repository, ConfigRef ref) throws IOException {
    List<Ref> heads = new ArrayList<>(repository.getRefDatabase().getRefsByPrefix("refs/heads/"));
    if (heads.isEmpty()) {
      throw new RemoteException(
          RemoteException.Kind.NOT_FOUND,
          ref.repository() + ": no branches (expected: a repository of configurations)");
    }
    heads.sort(
        Comparator.comparing((Ref r) -> !r.getName().equals(MAIN)).thenComparing(Ref::getName));
    Map<ContentId, FetchedConfig> found = scan(repository, ref, heads, true);
    if (found.isEmpty()) {
      found = scan(repository, ref, heads, false);
    }
    if (found.isEmpty()) {
      throw new RemoteException(
          RemoteException.Kind.NOT_FOUND,
          ref
              + ": no configuration with "
              + (ref.isFullId() ? "this id" : "an id starting " + ref.idPrefix())
              + " on "
              + heads.size()
              + (heads.size() == 1 ? " branch" : " branches"));
    }
    if (found.size() > 1) {
      throw new RemoteException(
          RemoteException.Kind.AMBIGUOUS,
          ref
              + ": "
              + found.size()
              + " configurations match ("
              + found.keySet().stream()
                  .map(ContentId::shortHex)
                  .limit(5)
                  .reduce((a, b) -> a + ", " + b)
                  .orElse("")
              + "; expected: a longer id)");
    }
    return found.values().iterator().next();
  }

  /**
   * The matching configurations on the branch tips: with {@code byName}, only files named {@code
   * <id>.json} for a matching id (whose content must have that id); otherwise every JSON file, by
   * its content's id.
   */
  private static Map<ContentId, FetchedConfig> scan(
      Repository repository, ConfigRef ref, List<Ref> heads, boolean byName) throws IOException {
    Map<ContentId, FetchedConfig> found = new LinkedHashMap<>();
    int scanned = 0;
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      for (Ref head : heads) {
        RevCommit tip = walk.parseCommit(head.getObjectId());
        tree.reset(tip.getTree());
        tree.setRecursive(true);
        while (tree.next() && scanned < MAX_SCANNED_FILES) {
          String path = tree.getPathString();
          Matcher named = NAMED.matcher(path);
          boolean candidate =
              byName
                  ? named.matches() && named.group(1).startsWith(ref.idPrefix())
                  : path.endsWith(".json");
          if (!candidate) {
            continue;
          }
          scanned++;
          Optional<JsonFile> file = read(repository, path, tree);
          if (file.isPresent()
              && file.get().id().hex().startsWith(ref.idPrefix())
              && (!byName || file.get().id().hex().equals(named.group(1)))) {
            found.putIfAbsent(
                file.get().id(),
                new FetchedConfig(
                    file.get().id(), file.get().bytes(), head.getName(), path, tip.name()));
          }
        }
      }
    }
    return found;
  }

  private record JsonFile(ContentId id, byte[] bytes) {}

  /** A JSON file within the size limit, with its content id, if it is one. */
  private static Optional<JsonFile> read(Repository repository, String path, TreeWalk tree)
      throws IOException {
    ObjectLoader loader = repository.open(tree.getObjectId(0));
    if (loader.getSize() > Limits.MAX_DOCUMENT_BYTES) {
      return Optional.empty();
    }
    byte[] bytes = loader.getBytes();
    try {
      JsonNode document = Json.parse(bytes, path, Limits.JSON);
      return Optional.of(new JsonFile(ConfigDocuments.id(document), bytes));
    } catch (JsonInputException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String oneLine(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (cause != e && cause.getMessage() != null && !message.contains(cause.getMessage())) {
      message = message + ": " + cause.getMessage();
    }
    return message.lines().findFirst().orElse(message);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort: a temporary directory under the miner's work dir
                }
              });
    } catch (IOException ignored) {
      // best effort
    }
  }
}

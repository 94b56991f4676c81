package io.aurelius.validator.publish;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
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
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The validator's {@code configs.git}: a bare repository on {@code refs/heads/main} with {@code
 * configs/<id>.json} (indented JSON, the signed document as the miner served it) and a README, the
 * layout {@code aurelius miner fork URL#ID} reads. One commit per epoch that adds something, with a
 * {@code Config-Id:} trailer per configuration; adding a configuration that is already there does
 * nothing, so a retried epoch publishes once.
 */
public final class ConfigsRepository implements AutoCloseable {
  public static final String NAME = "configs";
  static final String BRANCH = BareRepositories.BRANCH;

  private final Repository repository;
  private final Path directory;

  private ConfigsRepository(Repository repository, Path directory) {
    this.repository = repository;
    this.directory = directory;
  }

  public static ConfigsRepository open(Path directory) {
    Path dir = requireNonNull(directory, "directory").toAbsolutePath().normalize();
    return new ConfigsRepository(
        BareRepositories.openOrCreate(dir, "configurations repository"), dir);
  }

  public Path directory() {
    return directory;
  }

  /** Whether {@code configs/<id>.json} is on the branch. */
  public synchronized boolean contains(String id) {
    try {
      ObjectId tip = repository.resolve(BRANCH);
      if (tip == null) {
        return false;
      }
      try (RevWalk walk = new RevWalk(repository)) {
        RevCommit commit = walk.parseCommit(tip);
        return TreeWalk.forPath(repository, path(id), commit.getTree()) != null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every published configuration document, in path (id) order; empty before the first. */
  public synchronized List<JsonNode> documents() {
    List<JsonNode> out = new ArrayList<>();
    try {
      ObjectId tip = repository.resolve(BRANCH);
      if (tip == null) {
        return out;
      }
      try (RevWalk walk = new RevWalk(repository);
          TreeWalk tree = new TreeWalk(repository)) {
        tree.addTree(walk.parseCommit(tip).getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          String path = tree.getPathString();
          if (path.startsWith("configs/") && path.endsWith(".json")) {
            byte[] bytes = repository.open(tree.getObjectId(0)).getBytes();
            out.add(Json.parse(bytes, path, Limits.JSON));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(directory + ": cannot read: " + e.getMessage(), e);
    }
    return out;
  }

  /** Adds the configurations not yet published; returns how many were added. */
  public synchronized int publish(long epoch, Map<String, JsonNode> documents) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    StringBuilder trailers = new StringBuilder();
    for (Map.Entry<String, JsonNode> d : new java.util.TreeMap<>(documents).entrySet()) {
      if (!contains(d.getKey())) {
        try {
          files.put(
              path(d.getKey()),
              (Json.prettyWriter().writeValueAsString(d.getValue()) + "\n")
                  .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        trailers.append("Config-Id: ").append(d.getKey()).append('\n');
      }
    }
    if (files.isEmpty()) {
      return 0;
    }
    try {
      if (repository.resolve(BRANCH) == null) {
        files.put("README.md", readme().getBytes(StandardCharsets.UTF_8));
      }
      commit(
          files,
          "Epoch "
              + epoch
              + ": publish "
              + (trailers.toString().lines().count())
              + " accepted configurations\n\n"
              + trailers);
    } catch (IOException e) {
      throw new UncheckedIOException(directory + ": cannot publish: " + e.getMessage(), e);
    }
    return (int) trailers.toString().lines().count();
  }

  private void commit(Map<String, byte[]> files, String message) throws IOException {
    ObjectId tip = repository.resolve(BRANCH);
    try (ObjectInserter inserter = repository.newObjectInserter();
        RevWalk walk = new RevWalk(repository)) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      if (tip != null) {
        builder.addTree(
            new byte[0],
            DirCacheEntry.STAGE_0,
            walk.getObjectReader(),
            walk.parseCommit(tip).getTree());
      }
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(f.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.getValue()));
        builder.add(entry);
      }
      builder.finish();
      PersonIdent who =
          new PersonIdent(
              "aurelius validator",
              "validator@aurelius.invalid",
              java.util.Date.from(Instant.now()),
              TimeZone.getTimeZone("UTC"));
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

  private static String path(String id) {
    return "configs/" + id + ".json";
  }

  private static String readme() {
    return "# Accepted configurations\n\nScenario configurations this validator admitted and that passed the DLV "
        + "gate, one per file (`configs/<id>.json`, signed by their miner). Fork one with\n"
        + "`aurelius miner fork URL#ID`.\n";
  }

  @Override
  public void close() {
    repository.close();
  }
}

package io.aurelius.core.githttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A bare repository on disk that tests write commits and tags into with JGit. */
final class BareRepo {
  private final Path dir;
  private int clock;

  private BareRepo(Path dir) {
    this.dir = dir;
  }

  /** Creates an empty bare repository whose HEAD points at {@code refs/heads/main}. */
  static BareRepo create(Path dir) throws IOException {
    try (Repository repository = open(dir)) {
      repository.create(true);
      RefUpdate head = repository.updateRef(Constants.HEAD);
      head.disableRefLog();
      head.link("refs/heads/main");
    }
    return new BareRepo(dir);
  }

  Path dir() {
    return dir;
  }

  /** Commits {@code files} (flat names to UTF-8 text) on main; returns the new tip. */
  ObjectId commit(String message, Map<String, String> files) throws IOException {
    Map<String, byte[]> bytes = new TreeMap<>();
    files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return commitBytes(message, bytes);
  }

  ObjectId commitBytes(String message, Map<String, byte[]> files) throws IOException {
    try (Repository repository = open(dir);
        ObjectInserter inserter = repository.newObjectInserter()) {
      TreeFormatter tree = new TreeFormatter();
      for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
        tree.append(
            file.getKey(),
            FileMode.REGULAR_FILE,
            inserter.insert(Constants.OBJ_BLOB, file.getValue()));
      }
      ObjectId parent = repository.resolve("refs/heads/main");
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(inserter.insert(tree));
      if (parent != null) {
        commit.setParentId(parent);
      }
      PersonIdent who = person();
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message + "\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef("refs/heads/main");
      update.setNewObjectId(id);
      update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
        throw new IOException("refs/heads/main: " + result);
      }
      return id;
    }
  }

  /** An annotated tag on the current tip of main. */
  ObjectId tag(String name) throws IOException {
    try (Repository repository = open(dir);
        ObjectInserter inserter = repository.newObjectInserter()) {
      TagBuilder tag = new TagBuilder();
      tag.setTag(name);
      tag.setObjectId(repository.resolve("refs/heads/main"), Constants.OBJ_COMMIT);
      tag.setTagger(person());
      tag.setMessage("tag " + name + "\n");
      ObjectId id = inserter.insert(tag);
      inserter.flush();
      RefUpdate update = repository.updateRef(Constants.R_TAGS + name);
      update.setNewObjectId(id);
      update.setExpectedOldObjectId(ObjectId.zeroId());
      if (update.update() != RefUpdate.Result.NEW) {
        throw new IOException("tag " + name + " exists");
      }
      return id;
    }
  }

  ObjectId tip() throws IOException {
    try (Repository repository = open(dir)) {
      return repository.resolve("refs/heads/main");
    }
  }

  private PersonIdent person() {
    clock++;
    return new PersonIdent(
        "Test Author",
        "author@example.org",
        Instant.parse("2025-01-01T00:00:00Z").plusSeconds(clock),
        ZoneOffset.UTC);
  }

  private static Repository open(Path dir) throws IOException {
    return new FileRepositoryBuilder().setGitDir(dir.toFile()).build();
  }
}

package io.aurelius.miner.library;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
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
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Writes one commit on the library branch that adds files to the tip's tree, without a work tree.
 * The branch moves only if nobody else moved it meanwhile (compare-and-set).
 */
final class LibraryWriter {
  private final Repository repository;

  LibraryWriter(Repository repository) {
    this.repository = repository;
  }

  /** The tip of the branch, or the zero id when it has no commit. */
  ObjectId tip() throws IOException {
    ObjectId tip = repository.resolve(LibraryLayout.BRANCH);
    return tip == null ? ObjectId.zeroId() : tip;
  }

  /**
   * Commits {@code files} (path to bytes) on top of {@code expectedTip}.
   *
   * @return the new commit
   * @throws LibraryException of kind CONCURRENT_UPDATE when the branch is no longer there
   */
  ObjectId commit(ObjectId expectedTip, Map<String, byte[]> files, String message, Instant when)
      throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter();
        RevWalk walk = new RevWalk(repository)) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      if (!expectedTip.equals(ObjectId.zeroId())) {
        builder.addTree(
            new byte[0],
            DirCacheEntry.STAGE_0,
            walk.getObjectReader(),
            walk.parseCommit(expectedTip).getTree());
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
        builder.add(entry);
      }
      builder.finish();
      PersonIdent who = LibraryLayout.author(when);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      if (!expectedTip.equals(ObjectId.zeroId())) {
        commit.setParentId(expectedTip);
      }
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef(LibraryLayout.BRANCH);
      update.setNewObjectId(id);
      update.setExpectedOldObjectId(expectedTip);
      update.setRefLogMessage("aurelius: " + message.lines().findFirst().orElse(""), false);
      RefUpdate.Result result = update.update(walk);
      switch (result) {
        case NEW, FAST_FORWARD -> {
          return id;
        }
        case LOCK_FAILURE, REJECTED, REJECTED_OTHER_REASON ->
            throw new LibraryException(
                LibraryException.Kind.CONCURRENT_UPDATE,
                repository.getDirectory()
                    + ": changed by another writer while adding ("
                    + result
                    + "); try again");
        default ->
            throw new LibraryException(
                LibraryException.Kind.STORAGE,
                repository.getDirectory()
                    + ": cannot move "
                    + LibraryLayout.BRANCH
                    + ": "
                    + result);
      }
    }
  }
}

package io.aurelius.anchoring.log;

import io.aurelius.anchoring.gitsign.SignedCommits;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;

/**
 * Turns a set of file changes into one SSH-signed commit: blobs, trees and the commit go into one
 * pack, then the branch moves by compare-and-set from the base commit. Until that ref update,
 * nothing written is visible; if another writer moved the branch, nothing is published. The {@link
 * WriterLock} is held from the first object to the ref update, and then while {@link Repacker}
 * folds the packs, so a repack never sees another writer's objects in flight.
 */
final class CommitWriter {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitWriter.class);

  private CommitWriter() {}

  /** Writes the changes as one signed commit on top of {@code base} and moves the branch. */
  static ObjectId commit(
      GitLog log,
      Ed25519KeyPair key,
      Clock clock,
      String origin,
      Optional<LogSnapshot> base,
      Map<String, byte[]> changes,
      String message,
      Runnable beforePublish,
      int repackThreshold)
      throws LogException {
    java.nio.file.Path gitDir = log.repository().getDirectory().toPath();
    try (WriterLock writerLock = WriterLock.acquire(gitDir)) {
      ObjectId commitId =
          publish(log, writerLock, key, clock, origin, base, changes, message, beforePublish);
      try {
        Repacker.repackIfNeeded(log.repository(), repackThreshold);
      } catch (IOException | RuntimeException e) {
        // the commit is published; a failed repack leaves more packs, not a broken log
        LOG.warn("{}: repack failed: {}", log.directory(), e.toString());
      }
      return commitId;
    } catch (IOException e) {
      throw new LogException(log.directory() + ": cannot lock the log: " + e.getMessage(), e);
    }
  }

  private static ObjectId publish(
      GitLog log,
      WriterLock writerLock,
      Ed25519KeyPair key,
      Clock clock,
      String origin,
      Optional<LogSnapshot> base,
      Map<String, byte[]> changes,
      String message,
      Runnable beforePublish)
      throws LogException {
    var repo = log.repository();
    ObjectId commitId;
    try (ObjectInserter ins = newInserter(log);
        ObjectReader reader = ins.newReader()) {
      DirCache index =
          base.isPresent()
              ? DirCache.read(reader, base.get().commit().getTree())
              : DirCache.newInCore();
      DirCacheEditor editor = index.editor();
      for (Map.Entry<String, byte[]> change : changes.entrySet()) {
        if (change.getValue() == null) {
          editor.add(new DirCacheEditor.DeletePath(change.getKey()));
        } else {
          ObjectId blob = ins.insert(Constants.OBJ_BLOB, change.getValue());
          editor.add(
              new DirCacheEditor.PathEdit(change.getKey()) {
                @Override
                public void apply(DirCacheEntry entry) {
                  entry.setFileMode(FileMode.REGULAR_FILE);
                  entry.setObjectId(blob);
                }
              });
        }
      }
      editor.finish();
      CommitBuilder cb = new CommitBuilder();
      cb.setTreeId(index.writeTree(ins));
      base.ifPresent(b -> cb.setParentId(b.commitId()));
      String address = KeyId.of(key.publicKey()).address();
      PersonIdent who =
          new PersonIdent(
              origin,
              address + "@hotkey.aurelius.invalid",
              clock.instant(),
              java.time.ZoneOffset.UTC);
      cb.setAuthor(who);
      cb.setCommitter(who);
      cb.setMessage(message);
      commitId = SignedCommits.insert(ins, cb, key);
      ins.flush();
    } catch (IOException e) {
      throw new LogException(log.directory() + ": cannot write objects: " + e.getMessage(), e);
    }
    beforePublish.run();
    java.nio.file.Path gitDir = repo.getDirectory().toPath();
    try {
      writerLock.clearStaleRefLock(gitDir, GitLog.BRANCH);
      RefUpdate update = repo.updateRef(GitLog.BRANCH);
      update.setExpectedOldObjectId(base.map(LogSnapshot::commitId).orElse(ObjectId.zeroId()));
      update.setNewObjectId(commitId);
      update.setRefLogMessage(message.lines().findFirst().orElse("update"), false);
      RefUpdate.Result result = update.update();
      switch (result) {
        case NEW, FAST_FORWARD -> {
          return commitId;
        }
        case LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH, NO_CHANGE ->
            throw new LogConflictException(
                log.directory()
                    + ": the log changed while writing ("
                    + result
                    + "); nothing was published, retry");
        default ->
            throw new LogException(
                log.directory() + ": cannot move " + GitLog.BRANCH + ": " + result);
      }
    } catch (IOException e) {
      throw new LogException(
          log.directory() + ": cannot move " + GitLog.BRANCH + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves the branch back from {@code head} to its ancestor {@code target}, after pointing {@code
   * keepRef} at {@code head} so the commits left behind stay in the repository. Under the writer
   * lock; fails if the branch is no longer at {@code head}.
   */
  static void rewind(GitLog log, ObjectId head, ObjectId target, String keepRef)
      throws LogException {
    var repo = log.repository();
    java.nio.file.Path gitDir = repo.getDirectory().toPath();
    try (WriterLock writerLock = WriterLock.acquire(gitDir)) {
      RefUpdate keep = repo.updateRef(keepRef);
      keep.setExpectedOldObjectId(ObjectId.zeroId());
      keep.setNewObjectId(head);
      keep.setRefLogMessage("kept before rewinding " + GitLog.BRANCH, false);
      RefUpdate.Result kept = keep.update();
      if (kept != RefUpdate.Result.NEW) {
        throw new LogException(log.directory() + ": cannot create " + keepRef + ": " + kept);
      }
      writerLock.clearStaleRefLock(gitDir, GitLog.BRANCH);
      RefUpdate update = repo.updateRef(GitLog.BRANCH);
      update.setExpectedOldObjectId(head);
      update.setNewObjectId(target);
      update.setForceUpdate(true);
      update.setRefLogMessage("rewound to " + target.name() + " (diverged replica)", false);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.FORCED) {
        throw new LogConflictException(
            log.directory() + ": cannot rewind " + GitLog.BRANCH + ": " + result);
      }
    } catch (IOException e) {
      throw new LogException(log.directory() + ": cannot rewind: " + e.getMessage(), e);
    }
  }

  private static ObjectInserter newInserter(GitLog log) {
    if (log.repository().getObjectDatabase() instanceof ObjectDirectory dir) {
      return dir.newPackInserter();
    }
    return log.repository().newObjectInserter();
  }
}

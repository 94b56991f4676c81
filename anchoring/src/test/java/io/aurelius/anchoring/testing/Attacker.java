package io.aurelius.anchoring.testing;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.core.crypto.Ed25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * What someone without the log key can do to a log repository: rewrite files in a new commit on
 * top, or rewrite the whole history. Used to prove verification notices.
 */
public final class Attacker {
  private final GitLog log;

  public Attacker(GitLog log) {
    this.log = log;
  }

  public byte[] read(String path) throws IOException {
    var repo = log.repository();
    try (RevWalk walk = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader()) {
      RevCommit head = walk.parseCommit(repo.resolve(GitLog.BRANCH));
      try (TreeWalk tw = TreeWalk.forPath(reader, path, head.getTree())) {
        return reader.open(tw.getObjectId(0)).getBytes();
      }
    }
  }

  /** Replaces files (null deletes) in a new, unsigned commit on top of the head. */
  public void commit(Map<String, byte[]> files) throws IOException {
    var repo = log.repository();
    try (RevWalk walk = new RevWalk(repo);
        ObjectInserter ins = repo.newObjectInserter();
        ObjectReader reader = ins.newReader()) {
      RevCommit head = walk.parseCommit(repo.resolve(GitLog.BRANCH));
      DirCache dc = DirCache.read(reader, head.getTree());
      DirCacheEditor ed = dc.editor();
      for (var f : files.entrySet()) {
        if (f.getValue() == null) {
          ed.add(new DirCacheEditor.DeletePath(f.getKey()));
        } else {
          ObjectId blob = ins.insert(Constants.OBJ_BLOB, f.getValue());
          ed.add(
              new DirCacheEditor.PathEdit(f.getKey()) {
                @Override
                public void apply(DirCacheEntry ent) {
                  ent.setFileMode(FileMode.REGULAR_FILE);
                  ent.setObjectId(blob);
                }
              });
        }
      }
      ed.finish();
      CommitBuilder cb = builder(dc.writeTree(ins), List.of(head), "innocent fix\n");
      ObjectId id = ins.insert(cb);
      ins.flush();
      move(id);
    }
  }

  /** Edits one entry line of a bundle in place. */
  public void editEntry(long index, UnaryOperator<String> edit) throws IOException {
    String path = LogPaths.entryBundle(index / 256);
    List<String> lines =
        new ArrayList<>(Arrays.asList(new String(read(path), StandardCharsets.UTF_8).split("\n")));
    int i = (int) (index % 256);
    lines.set(i, edit.apply(lines.get(i)));
    commit(Map.of(path, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  /** Rewrites every line of a bundle through {@code edit}. */
  public void editBundle(long bundle, UnaryOperator<List<String>> edit) throws IOException {
    String path = LogPaths.entryBundle(bundle);
    List<String> lines =
        new ArrayList<>(Arrays.asList(new String(read(path), StandardCharsets.UTF_8).split("\n")));
    List<String> edited = edit.apply(lines);
    commit(
        Map.of(
            path,
            (String.join("\n", edited) + (edited.isEmpty() ? "" : "\n"))
                .getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Recreates every commit with the same trees but a changed message, unsigned or signed by {@code
   * key} (not the log key): the head's files are untouched.
   */
  public void rewriteHistory(Ed25519KeyPair keyOrNull) throws IOException {
    var repo = log.repository();
    List<RevCommit> chain = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo);
        ObjectInserter ins = repo.newObjectInserter()) {
      RevCommit c = walk.parseCommit(repo.resolve(GitLog.BRANCH));
      while (c != null) {
        chain.add(c);
        c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
      }
      Collections.reverse(chain);
      ObjectId parent = null;
      for (RevCommit old : chain) {
        CommitBuilder cb =
            builder(
                old.getTree(),
                parent == null ? List.of() : List.of(parent),
                old.getFullMessage() + "\n(rewritten)\n");
        parent =
            keyOrNull == null
                ? ins.insert(cb)
                : io.aurelius.anchoring.gitsign.SignedCommits.insert(ins, cb, keyOrNull);
      }
      ins.flush();
      move(parent);
    }
  }

  private static CommitBuilder builder(
      ObjectId tree, List<? extends ObjectId> parents, String message) {
    CommitBuilder cb = new CommitBuilder();
    cb.setTreeId(tree);
    cb.setParentIds(parents.toArray(new ObjectId[0]));
    PersonIdent who =
        new PersonIdent(
            "mallory",
            "mallory@example.invalid",
            java.time.Instant.ofEpochSecond(1_800_000_000L),
            java.time.ZoneOffset.UTC);
    cb.setAuthor(who);
    cb.setCommitter(who);
    cb.setMessage(message);
    return cb;
  }

  private void move(ObjectId id) throws IOException {
    RefUpdate ru = log.repository().updateRef(GitLog.BRANCH);
    ru.setNewObjectId(id);
    RefUpdate.Result r = ru.forceUpdate();
    if (r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD) {
      throw new IOException("ref update: " + r);
    }
  }
}

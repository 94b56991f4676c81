package io.aurelius.anchoring.log;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Read access to the files of one tree of a repository. Blobs are size-bounded. */
final class GitTree implements FileSource {
  static final long MAX_BLOB = 64L << 20;

  private final Repository repo;
  private final ObjectId tree;

  GitTree(Repository repo, ObjectId tree) {
    this.repo = requireNonNull(repo, "repo");
    this.tree = requireNonNull(tree, "tree");
  }

  ObjectId id() {
    return tree;
  }

  @Override
  public Optional<byte[]> read(String path) throws IOException {
    try (ObjectReader reader = repo.newObjectReader();
        TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null || walk.getFileMode(0) != FileMode.REGULAR_FILE) {
        return Optional.empty();
      }
      return Optional.of(reader.open(walk.getObjectId(0)).getCachedBytes((int) MAX_BLOB));
    } catch (org.eclipse.jgit.errors.LargeObjectException e) {
      throw new IOException(path + ": larger than " + MAX_BLOB + " bytes", e);
    }
  }

  /** Names of the regular files directly in {@code dir}, in git order. */
  List<String> list(String dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (ObjectReader reader = repo.newObjectReader();
        TreeWalk dirWalk = TreeWalk.forPath(reader, dir, tree)) {
      if (dirWalk == null || dirWalk.getFileMode(0) != FileMode.TREE) {
        return names;
      }
      try (TreeWalk walk = new TreeWalk(reader)) {
        walk.addTree(dirWalk.getObjectId(0));
        walk.setRecursive(false);
        while (walk.next()) {
          if (walk.getFileMode(0) == FileMode.REGULAR_FILE) {
            names.add(walk.getNameString());
          }
        }
      }
    }
    return names;
  }
}

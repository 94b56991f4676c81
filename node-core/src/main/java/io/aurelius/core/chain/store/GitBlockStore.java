package io.aurelius.core.chain.store;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The dev chain's blocks as a bare git repository: one commit per block on {@code main}, each
 * commit's tree holding {@code block.json} (the signed block, canonical JSON) and {@code
 * genesis.json} (the same blob in every commit). Commits carry the block's timestamp and name the
 * authority, so the same blocks always make the same commit ids, and stock git can clone, log and
 * diff the chain. Appends are compare-and-set on the branch.
 *
 * <p>This class stores and retrieves; checking signatures and replaying is the chain's job.
 */
public final class GitBlockStore implements AutoCloseable {
  public static final String BRANCH = "refs/heads/main";
  static final String BLOCK_FILE = "block.json";
  static final String GENESIS_FILE = "genesis.json";
  private static final int MAX_BLOB = 16 << 20;

  private final Repository repo;
  private final List<ObjectId> commits;
  private final ObjectId genesisBlob;

  private GitBlockStore(Repository repo, List<ObjectId> commits, ObjectId genesisBlob) {
    this.repo = repo;
    this.commits = commits;
    this.genesisBlob = genesisBlob;
  }

  public static boolean exists(Path gitDir) {
    return Files.isRegularFile(gitDir.resolve("HEAD"));
  }

  /**
   * Creates the repository with block 0. It is built under a temporary name and renamed into place,
   * so a reader never sees a repository without its genesis block. Refuses a directory that already
   * holds one.
   */
  public static GitBlockStore create(
      Path gitDir, byte[] genesis, SignedBlock block0, KeyId authority) {
    requireNonNull(gitDir, "gitDir");
    if (exists(gitDir)) {
      throw new BlockStoreException(gitDir + ": a block repository exists already");
    }
    Path staging = gitDir.resolveSibling(gitDir.getFileName() + ".creating");
    try {
      deleteTree(staging);
      Files.createDirectories(staging);
      try (Repository repo = FileRepositoryBuilder.create(staging.toFile())) {
        repo.create(true);
        RefUpdate head = repo.updateRef(Constants.HEAD);
        head.link(BRANCH);
        ObjectId genesisBlob;
        try (ObjectInserter inserter = repo.newObjectInserter()) {
          genesisBlob = inserter.insert(Constants.OBJ_BLOB, genesis);
          inserter.flush();
        }
        new GitBlockStore(repo, new ArrayList<>(), genesisBlob).append(block0, authority);
      }
      try {
        Files.move(staging, gitDir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, gitDir);
      }
      return open(gitDir);
    } catch (IOException e) {
      throw new BlockStoreException(
          gitDir + ": cannot create the block repository: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Opens an existing repository and indexes its commits, oldest first. */
  public static GitBlockStore open(Path gitDir) {
    requireNonNull(gitDir, "gitDir");
    if (!exists(gitDir)) {
      throw new BlockStoreException(
          gitDir + ": no block repository here (expected: a chain data dir)");
    }
    try {
      Repository repo =
          new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
      Ref ref = repo.exactRef(BRANCH);
      if (ref == null || ref.getObjectId() == null) {
        repo.close();
        throw new BlockStoreException(
            gitDir + ": branch main is missing (expected: at least block 0)");
      }
      List<ObjectId> commits = new ArrayList<>();
      try (RevWalk walk = new RevWalk(repo)) {
        walk.sort(RevSort.TOPO);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(walk.parseCommit(ref.getObjectId()));
        for (RevCommit c : walk) {
          long number = commits.size();
          int expectedParents = number == 0 ? 0 : 1;
          if (c.getParentCount() != expectedParents
              || (number > 0 && !c.getParent(0).getId().equals(commits.get(commits.size() - 1)))) {
            repo.close();
            throw new BlockStoreException(
                "block "
                    + number
                    + " (commit "
                    + c.getId().abbreviate(12).name()
                    + "): history is not a single line of blocks (refusing to start)");
          }
          commits.add(c.getId().copy());
        }
      }
      GitBlockStore store = new GitBlockStore(repo, commits, null);
      return new GitBlockStore(repo, commits, store.blobId(0, GENESIS_FILE));
    } catch (IOException e) {
      throw new BlockStoreException(
          gitDir + ": cannot read the block repository: " + e.getMessage(), e);
    }
  }

  /** The number of the newest block. */
  public synchronized long height() {
    return commits.size() - 1;
  }

  /** The genesis document stored with block 0. */
  public synchronized byte[] genesis() {
    return read(genesisBlob, "genesis.json");
  }

  /** Block {@code number} as stored. */
  public synchronized StoredBlock read(long number) {
    if (number < 0 || number >= commits.size()) {
      throw new BlockStoreException(
          "block " + number + " does not exist (expected: 0.." + height() + ")");
    }
    ObjectId commit = commits.get((int) number);
    ObjectId blob = blobId(number, BLOCK_FILE);
    return new StoredBlock(number, commit.name(), read(blob, "block " + number));
  }

  /** Appends the next block as a commit on main; refuses if the branch moved underneath. */
  public synchronized void append(SignedBlock signed, KeyId authority) {
    Block block = signed.block();
    if (block.number() != commits.size()) {
      throw new IllegalArgumentException(
          "block " + block.number() + " appended after block " + height());
    }
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      ObjectId blob = inserter.insert(Constants.OBJ_BLOB, signed.canonicalBytes());
      TreeFormatter tree = new TreeFormatter();
      tree.append(BLOCK_FILE, FileMode.REGULAR_FILE, blob);
      tree.append(GENESIS_FILE, FileMode.REGULAR_FILE, genesisBlob);
      ObjectId treeId = inserter.insert(tree);
      PersonIdent who =
          new PersonIdent(
              "aurelius dev chain",
              authority.address() + "@chain.aurelius",
              Instant.ofEpochMilli(block.timestampMillis()),
              ZoneOffset.UTC);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(treeId);
      if (!commits.isEmpty()) {
        commit.setParentId(commits.get(commits.size() - 1));
      }
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(
          "block "
              + block.number()
              + " ("
              + block.extrinsics().size()
              + " extrinsics)\n\n"
              + "Chain-Id: "
              + block.chainId()
              + "\nState-Root: "
              + block.stateRoot()
              + "\n");
      ObjectId commitId = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repo.updateRef(BRANCH);
      update.setNewObjectId(commitId);
      update.setExpectedOldObjectId(
          commits.isEmpty() ? ObjectId.zeroId() : commits.get(commits.size() - 1));
      update.setRefLogMessage("block " + block.number(), false);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
        throw new BlockStoreException(
            "block "
                + block.number()
                + ": branch update "
                + result
                + " (expected: the chain to be the only writer)");
      }
      commits.add(commitId);
    } catch (IOException e) {
      throw new BlockStoreException(
          "block " + block.number() + ": cannot write: " + e.getMessage(), e);
    }
  }

  private ObjectId blobId(long number, String file) {
    ObjectId commit = commits.get((int) number);
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(commit);
      try (TreeWalk tw = TreeWalk.forPath(repo, file, c.getTree())) {
        if (tw == null) {
          throw new BlockStoreException(
              "block "
                  + number
                  + " (commit "
                  + commit.abbreviate(12).name()
                  + "): "
                  + file
                  + " is missing");
        }
        return tw.getObjectId(0);
      }
    } catch (IOException e) {
      throw new BlockStoreException("block " + number + ": cannot read: " + e.getMessage(), e);
    }
  }

  private byte[] read(ObjectId blob, String what) {
    try {
      ObjectLoader loader = repo.open(blob, Constants.OBJ_BLOB);
      if (loader.getSize() > MAX_BLOB) {
        throw new BlockStoreException(
            what + ": " + loader.getSize() + " bytes (expected: at most " + MAX_BLOB + ")");
      }
      return loader.getCachedBytes(MAX_BLOB);
    } catch (IOException e) {
      throw new BlockStoreException(what + ": cannot read: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    repo.close();
  }
}

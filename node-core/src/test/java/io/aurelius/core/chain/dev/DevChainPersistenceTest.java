package io.aurelius.core.chain.dev;

import static io.aurelius.core.chain.dev.DevNet.cold;
import static io.aurelius.core.chain.dev.DevNet.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.TestKeys;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.chain.store.Block;
import io.aurelius.core.chain.store.BlockCodec;
import io.aurelius.core.chain.store.SignedBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevChainPersistenceTest {
  @TempDir Path dir;
  private final DevNet net = new DevNet();

  @Test
  void restartReplaysEveryBlockToTheSameState() {
    String root;
    Metagraph before;
    try (DevChain chain = net.create(dir, DevNet.params(true))) {
      buildHistory(chain);
      root = StateDigest.of(DevChainTest.stateOf(chain));
      before = chain.metagraph(true);
    }
    try (DevChain again = DevChain.open(new ChainDataDir(dir), DevNet.AUTHORITY, net.clock)) {
      assertThat(StateDigest.of(DevChainTest.stateOf(again))).isEqualTo(root);
      assertThat(again.metagraph(true)).isEqualTo(before);
      assertThat(again.transfer(key(2), cold(1), 5).accepted()).isTrue(); // nonces carried over
      assertThat(again.seal().number()).isEqualTo(before.block());
    }
    try (DevChain reader = DevChain.openReadOnly(new ChainDataDir(dir))) {
      assertThat(reader.account(cold(1)).orElseThrow().balance()).isGreaterThan(0);
      assertThatThrownBy(() -> reader.transfer(key(1), cold(2), 1))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aTamperedBlockStopsTheChainFromStartingAndNamesTheBlock() throws IOException {
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      chain.seal();
      assertThat(chain.transfer(key(1), cold(2), 100).accepted()).isTrue(); // block 2
      DevNet.sealUntilBuilding(chain, 5);
    }
    // Rewrite history: the transfer in block 2 becomes 9 000, the signature stays.
    rewrite(
        2,
        bytes ->
            new String(bytes, StandardCharsets.UTF_8)
                .replace("\"amount\":100,", "\"amount\":9000,")
                .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> DevChain.open(new ChainDataDir(dir), DevNet.AUTHORITY, net.clock))
        .isInstanceOf(ChainStartException.class)
        .hasMessageMatching(
            "block 2 \\(commit [0-9a-f]{12}\\): the authority signature does not verify "
                + "\\(the block was altered\\); refusing to start");
    assertThatThrownBy(() -> DevChain.openReadOnly(new ChainDataDir(dir)))
        .hasMessageStartingWith("block 2 (commit ");
  }

  @Test
  void evenTheAuthorityCannotSignAnInvalidExtrinsicIntoHistory() throws IOException {
    String chainId;
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      chainId = chain.chainId();
      chain.seal();
      chain.seal();
    }
    // Block 2 re-signed by the real authority, now holding an extrinsic with a wrong nonce.
    Extrinsic bad = Extrinsic.sign(chainId, key(1), 5, new Transfer(cold(2), 1));
    rewrite(
        2,
        bytes -> {
          SignedBlock old = BlockCodec.fromBytes(bytes, "block 2");
          Block b = old.block();
          Block altered =
              new Block(
                  b.number(),
                  b.parent(),
                  b.chainId(),
                  b.timestampMillis(),
                  List.of(bad),
                  b.stateRoot());
          return SignedBlock.sign(altered, DevNet.AUTHORITY).canonicalBytes();
        });
    assertThatThrownBy(() -> DevChain.openReadOnly(new ChainDataDir(dir)))
        .isInstanceOf(ChainStartException.class)
        .hasMessageContaining("block 2 (commit ")
        .hasMessageContaining("extrinsic 0 is rejected on replay (wrong_nonce: nonce 5");
  }

  @Test
  void refusesAWrongAuthorityAnotherGenesisOrASecondWriter() {
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      chain.seal();
      assertThatThrownBy(() -> DevChain.open(new ChainDataDir(dir), DevNet.AUTHORITY, net.clock))
          .isInstanceOf(ChainStartException.class)
          .hasMessageContaining("chain.lock is held");
      assertThat(new ChainDataDir(dir).isLocked()).isTrue();
    }
    assertThat(new ChainDataDir(dir).isLocked()).isFalse();
    assertThatThrownBy(() -> DevChain.open(new ChainDataDir(dir), TestKeys.key(91), net.clock))
        .isInstanceOf(ChainStartException.class)
        .hasMessageContaining("the chain's authority is");
    Genesis other = DevNet.genesis(DevNet.params(true), Optional.empty());
    assertThatThrownBy(
            () -> DevChain.openOrCreate(new ChainDataDir(dir), other, DevNet.AUTHORITY, net.clock))
        .isInstanceOf(ChainStartException.class)
        .hasMessageContaining("the genesis file describes chain");
    try (DevChain same =
        DevChain.openOrCreate(
            new ChainDataDir(dir),
            DevNet.genesis(DevNet.params(false), Optional.empty()),
            DevNet.AUTHORITY,
            net.clock)) {
      assertThat(same.currentBlock()).isEqualTo(1);
    }
  }

  @Test
  void stockGitReadsTheChain() throws Exception {
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      chain.transfer(key(1), cold(2), 3);
      chain.seal();
    }
    Process log =
        new ProcessBuilder(
                "git", "--git-dir", dir.resolve("blocks.git").toString(), "log", "--format=%s")
            .redirectErrorStream(true)
            .start();
    String out = new String(log.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(log.waitFor()).isZero();
    assertThat(out.lines().toList())
        .containsExactly("block 1 (1 extrinsics)", "block 0 (0 extrinsics)");
    Process show =
        new ProcessBuilder(
                "git", "--git-dir", dir.resolve("blocks.git").toString(), "show", "main:block.json")
            .redirectErrorStream(true)
            .start();
    byte[] block = show.getInputStream().readAllBytes();
    assertThat(show.waitFor()).isZero();
    assertThat(BlockCodec.fromBytes(block, "block 1").block().extrinsics()).hasSize(1);
  }

  /** A history exercising registration, commit-reveal and two epochs. */
  static void buildHistory(DevChain chain) {
    chain.register(key(3), key(200), Role.MINER, new Endpoint("10.0.0.1", 1));
    chain.register(key(3), key(201), Role.MINER, new Endpoint("10.0.0.2", 2));
    DevNet.sealUntilBuilding(chain, 3);
    Weights w = new Weights(List.of(2, 3), List.of(10, 20));
    Salt salt = new Salt(List.of(1, 2, 3, 4));
    chain.commitWeights(key(100), w, salt, 0);
    chain.commitWeights(key(101), w, salt, 0);
    chain.addStake(key(1), DevNet.hot(100), 50);
    DevNet.sealUntilBuilding(chain, 8);
    chain.revealWeights(key(100), w, salt, 0);
    chain.revealWeights(key(101), w, salt, 0);
    DevNet.sealUntilBuilding(chain, 13);
  }

  /** Rewrites block {@code number}'s block.json and re-chains every later commit. */
  private void rewrite(long number, UnaryOperator<byte[]> edit) throws IOException {
    try (Repository repo =
            new FileRepositoryBuilder().setGitDir(dir.resolve("blocks.git").toFile()).build();
        RevWalk walk = new RevWalk(repo);
        ObjectInserter inserter = repo.newObjectInserter()) {
      walk.sort(RevSort.REVERSE);
      walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
      List<RevCommit> commits = new ArrayList<>();
      walk.forEach(commits::add);
      ObjectId parent = null;
      for (int i = 0; i < commits.size(); i++) {
        RevCommit c = commits.get(i);
        if (i < number) {
          parent = c.getId();
          continue;
        }
        ObjectId tree = c.getTree().getId();
        if (i == number) {
          ObjectId blockBlob;
          ObjectId genesisBlob;
          try (TreeWalk tw = TreeWalk.forPath(repo, "block.json", c.getTree())) {
            blockBlob = tw.getObjectId(0);
          }
          try (TreeWalk tw = TreeWalk.forPath(repo, "genesis.json", c.getTree())) {
            genesisBlob = tw.getObjectId(0);
          }
          byte[] edited = edit.apply(repo.open(blockBlob).getBytes());
          TreeFormatter tf = new TreeFormatter();
          tf.append(
              "block.json", FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, edited));
          tf.append("genesis.json", FileMode.REGULAR_FILE, genesisBlob);
          tree = inserter.insert(tf);
        }
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentId(parent);
        cb.setAuthor(c.getAuthorIdent());
        cb.setCommitter(c.getCommitterIdent());
        cb.setMessage(c.getFullMessage());
        parent = inserter.insert(cb);
      }
      inserter.flush();
      RefUpdate u = repo.updateRef("refs/heads/main");
      u.setNewObjectId(parent);
      u.setForceUpdate(true);
      assertThat(u.update()).isEqualTo(RefUpdate.Result.FORCED);
    }
  }
}

package io.aurelius.anchoring.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TreeFrontierTest {
  @Test
  void theStreamedRootIsTheTreeHashAtEverySizeAndEachNodeIsShownOnce() {
    MerkleTree tree = new MerkleTree();
    long[] shown = {0};
    TreeFrontier frontier =
        new TreeFrontier(
            new MerkleHasher(),
            (level, index, hash, off) -> {
              shown[0]++;
              byte[] stored = new byte[MerkleHasher.HASH_LENGTH];
              tree.hash(level, index, stored, 0);
              assertThat(Arrays.copyOfRange(hash, off, off + MerkleHasher.HASH_LENGTH))
                  .as("level %d, index %d", level, index)
                  .isEqualTo(stored);
            });
    assertThat(frontier.root()).isEqualTo(new MerkleHasher().emptyRoot());
    for (int n = 1; n <= 1100; n++) {
      byte[] leaf = ("leaf " + n).getBytes(StandardCharsets.UTF_8);
      tree.appendData(leaf);
      frontier.appendLeafHash(tree.leafHash(n - 1), 0);
      assertThat(frontier.size()).isEqualTo(n);
      assertThat(frontier.root()).as("size %d", n).isEqualTo(tree.root());
      assertThat(shown[0]).isEqualTo(n - Long.bitCount(n));
    }
  }
}

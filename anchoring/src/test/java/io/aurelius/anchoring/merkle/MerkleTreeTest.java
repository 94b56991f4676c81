package io.aurelius.anchoring.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The reference 8-leaf tree of transparency-dev/merkle, testonly/constants.go. */
  private static final String[] LEAVES = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  private static final String[] ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  @Test
  void referenceRootsForEverySizeUpToEight() {
    MerkleTree tree = new MerkleTree();
    assertThat(HEX.formatHex(tree.root())).isEqualTo(ROOTS[0]);
    for (int n = 1; n <= 8; n++) {
      tree.appendData(HEX.parseHex(LEAVES[n - 1]));
      assertThat(HEX.formatHex(tree.root())).as("root(%d)", n).isEqualTo(ROOTS[n]);
    }
    for (int n = 0; n <= 8; n++) {
      assertThat(HEX.formatHex(tree.root(n))).as("historical root(%d)", n).isEqualTo(ROOTS[n]);
    }
  }

  @Test
  void rootMatchesNaiveDefinitionAcrossSizes() {
    MerkleHasher hasher = new MerkleHasher();
    MerkleTree tree = new MerkleTree(hasher);
    List<byte[]> leaves = new ArrayList<>();
    for (int n = 1; n <= 300; n++) {
      byte[] leaf = hasher.leafHash(new byte[] {(byte) n, (byte) (n >> 8)});
      leaves.add(leaf);
      tree.appendLeafHash(leaf);
      assertThat(tree.root()).as("size %d", n).isEqualTo(naiveRoot(hasher, leaves, 0, n));
    }
  }

  @Test
  void everyGeneratedProofVerifiesAndAnyAlteredOneFails() throws InvalidProofException {
    MerkleHasher hasher = new MerkleHasher();
    MerkleTree tree = new MerkleTree(hasher);
    MerkleVerifier verifier = new MerkleVerifier(hasher);
    for (int i = 0; i < 70; i++) {
      tree.appendData(new byte[] {(byte) i});
    }
    for (long size = 1; size <= 70; size++) {
      byte[] root = tree.root(size);
      for (long index = 0; index < size; index++) {
        List<byte[]> proof = tree.inclusionProof(index, size);
        verifier.verifyInclusion(index, size, tree.leafHash(index), proof, root);
        if (!proof.isEmpty()) {
          List<byte[]> bad = new ArrayList<>(proof);
          byte[] flipped = bad.get(0).clone();
          flipped[5] ^= 1;
          bad.set(0, flipped);
          long i = index;
          long s = size;
          assertThatThrownBy(() -> verifier.verifyInclusion(i, s, tree.leafHash(i), bad, root))
              .isInstanceOf(InvalidProofException.class);
          assertThatThrownBy(
                  () ->
                      verifier.verifyInclusion(
                          i, s, tree.leafHash(i), proof.subList(1, proof.size()), root))
              .isInstanceOf(InvalidProofException.class)
              .hasMessageContaining("hashes (expected");
        }
      }
      for (long size1 = 1; size1 <= size; size1++) {
        verifier.verifyConsistency(
            size1, size, tree.root(size1), root, tree.consistencyProof(size1, size));
      }
    }
  }

  @Test
  void hostileSizesAreRejectedNotWrapped() {
    MerkleVerifier verifier = new MerkleVerifier(new MerkleHasher());
    byte[] h = new byte[32];
    assertThatThrownBy(() -> verifier.verifyInclusion(-1L, -1L, h, List.of(), h))
        .isInstanceOf(InvalidProofException.class)
        .hasMessageContaining("leaf index 18446744073709551615 is outside");
    assertThatThrownBy(() -> verifier.verifyInclusion(3, -1L, h, List.of(), h))
        .hasMessageContaining("0 hashes (expected: 64 for leaf 3 of 18446744073709551615)");
    assertThatThrownBy(() -> verifier.verifyInclusion(5, 3, h, List.of(), h))
        .hasMessageContaining("outside a tree of size 3");
    assertThatThrownBy(() -> verifier.verifyConsistency(1, 2, h, h, List.of(new byte[31])))
        .hasMessageContaining("hash 0 is 31 bytes (expected: 32)");
    MerkleTree tree = new MerkleTree();
    assertThatThrownBy(() -> tree.root(1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] naiveRoot(MerkleHasher hasher, List<byte[]> leaves, int from, int to) {
    if (to - from == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(to - from - 1);
    return hasher.nodeHash(
        naiveRoot(hasher, leaves, from, from + k), naiveRoot(hasher, leaves, from + k, to));
  }
}

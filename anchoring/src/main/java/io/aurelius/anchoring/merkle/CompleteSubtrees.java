package io.aurelius.anchoring.merkle;

/**
 * A store of complete-subtree hashes: the node at {@code level} covering leaves {@code
 * [index·2^level, (index+1)·2^level)}. Level 0 holds leaf hashes. Proofs and roots of any size are
 * computed from such nodes alone, whether they live in memory or in tiles.
 */
public interface CompleteSubtrees {
  /**
   * Copies the hash of a complete node to {@code out[off..off+32)}. The caller asks only for nodes
   * that exist in the tree it is working on.
   *
   * @throws IllegalStateException if the store cannot produce the node (e.g. a missing tile)
   */
  void hash(int level, long index, byte[] out, int off);

  default byte[] hash(int level, long index) {
    byte[] out = new byte[MerkleHasher.HASH_LENGTH];
    hash(level, index, out, 0);
    return out;
  }
}

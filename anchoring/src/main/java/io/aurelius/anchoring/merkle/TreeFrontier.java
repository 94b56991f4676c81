package io.aurelius.anchoring.merkle;

import static java.util.Objects.requireNonNull;

/**
 * The RFC 6962 tree hash computed leaf by leaf, keeping only the right frontier: one complete
 * subtree hash per set bit of the size, so memory stays at most 64 hashes however many leaves are
 * appended. Each interior node is hashed once, when it completes, and shown to a {@link
 * NodeListener} so a caller can compare it with a stored copy. Not thread-safe.
 */
public final class TreeFrontier {
  private static final int H = MerkleHasher.HASH_LENGTH;

  /** Sees each complete interior node once, as it is computed. */
  @FunctionalInterface
  public interface NodeListener {
    /** Node {@code index} of {@code level} (leaves are level 0) is {@code hash[off..off+32)}. */
    void completed(int level, long index, byte[] hash, int off);
  }

  private final MerkleHasher hasher;
  private final NodeListener listener;

  /** Frontier hashes, largest (leftmost) subtree first; {@code Long.bitCount(size)} of them. */
  private final byte[] stack = new byte[64 * H];

  private final byte[] root = new byte[H];
  private int depth;
  private long size;

  public TreeFrontier(MerkleHasher hasher, NodeListener listener) {
    this.hasher = requireNonNull(hasher, "hasher");
    this.listener = requireNonNull(listener, "listener");
  }

  public long size() {
    return size;
  }

  /** Appends the leaf hash {@code leafHash[off..off+32)}. */
  public void appendLeafHash(byte[] leafHash, int off) {
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("tree is full");
    }
    System.arraycopy(leafHash, off, stack, depth * H, H);
    depth++;
    long index = size;
    int level = 0;
    while ((index & 1) == 1) {
      depth--;
      int left = (depth - 1) * H;
      hasher.nodeHash(stack, left, stack, depth * H, stack, left);
      index >>>= 1;
      level++;
      listener.completed(level, index, stack, left);
    }
    size++;
  }

  /** The tree hash of the leaves appended so far ({@code H("")} for none). */
  public byte[] root() {
    if (depth == 0) {
      return hasher.emptyRoot();
    }
    System.arraycopy(stack, (depth - 1) * H, root, 0, H);
    for (int i = depth - 2; i >= 0; i--) {
      hasher.nodeHash(stack, i * H, root, 0, root, 0);
    }
    return root.clone();
  }
}

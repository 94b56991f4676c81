package io.aurelius.anchoring.merkle;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs (RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1) computed from any {@link
 * CompleteSubtrees}. Every range hash reduces to stored complete nodes along the right edge, so a
 * proof costs O(log² n) hashes at worst and never reads the whole tree.
 */
public final class MerkleProofs {
  private final CompleteSubtrees store;
  private final MerkleHasher hasher;

  public MerkleProofs(CompleteSubtrees store, MerkleHasher hasher) {
    this.store = requireNonNull(store, "store");
    this.hasher = requireNonNull(hasher, "hasher");
  }

  /** The root of the tree made of the first {@code size} leaves. */
  public byte[] root(long size) {
    checkSize(size);
    return size == 0 ? hasher.emptyRoot() : rangeHash(0, size);
  }

  /** The audit path for leaf {@code index} in the tree of {@code size} leaves. */
  public List<byte[]> inclusion(long index, long size) {
    checkSize(size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index: " + index + " (expected: 0.." + (size - 1) + ")");
    }
    List<byte[]> path = new ArrayList<>(64);
    long lo = 0;
    long hi = size;
    // Walk down from the root, recording the sibling of each subtree containing the leaf;
    // the proof lists siblings bottom-up, so collect and reverse.
    while (hi - lo > 1) {
      long k = largestPowerOfTwoBelow(hi - lo);
      if (index < lo + k) {
        path.add(rangeHash(lo + k, hi));
        hi = lo + k;
      } else {
        path.add(rangeHash(lo, lo + k));
        lo = lo + k;
      }
    }
    java.util.Collections.reverse(path);
    return path;
  }

  /** The consistency proof between the trees of {@code size1} and {@code size2} leaves. */
  public List<byte[]> consistency(long size1, long size2) {
    checkSize(size2);
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "consistency sizes: " + size1 + " → " + size2 + " (expected: 0 < size1 ≤ size2)");
    }
    List<byte[]> proof = new ArrayList<>(64);
    if (size1 == size2) {
      return proof;
    }
    long m = size1;
    long lo = 0;
    long hi = size2;
    boolean complete = true;
    while (m != hi - lo) {
      long k = largestPowerOfTwoBelow(hi - lo);
      if (m <= k) {
        proof.add(rangeHash(lo + k, hi));
        hi = lo + k;
      } else {
        proof.add(rangeHash(lo, lo + k));
        m -= k;
        lo += k;
        complete = false;
      }
    }
    if (!complete) {
      proof.add(rangeHash(lo, hi));
    }
    java.util.Collections.reverse(proof);
    return proof;
  }

  /** MTH of leaves {@code [from, to)}, with {@code to > from}. */
  public byte[] rangeHash(long from, long to) {
    long n = to - from;
    if (Long.bitCount(n) == 1 && (from & (n - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return store.hash(level, from >>> level);
    }
    long k = largestPowerOfTwoBelow(n);
    byte[] left = rangeHash(from, from + k);
    byte[] right = rangeHash(from + k, to);
    hasher.nodeHash(left, 0, right, 0, left, 0);
    return left;
  }

  /** The largest power of two strictly less than {@code n}, for {@code n ≥ 2}. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static void checkSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException(
          "tree size: " + Long.toUnsignedString(size) + " (expected: 0.." + Long.MAX_VALUE + ")");
    }
  }
}

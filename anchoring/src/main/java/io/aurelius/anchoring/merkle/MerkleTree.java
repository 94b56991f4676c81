package io.aurelius.anchoring.merkle;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only in-memory RFC 6962 tree that stores every complete-subtree hash, level by level,
 * in fixed-size chunks of 32-byte slots (no per-node objects). Appending a leaf hashes each newly
 * completed parent once; a root or proof of any earlier size is then assembled from stored nodes.
 * Not thread-safe.
 */
public final class MerkleTree implements CompleteSubtrees {
  private static final int H = MerkleHasher.HASH_LENGTH;
  private static final int CHUNK_SHIFT = 15; // 32768 hashes = 1 MiB per chunk
  private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;
  private static final int CHUNK_MASK = CHUNK_HASHES - 1;

  private final MerkleHasher hasher;

  /** levels.get(l) holds the complete nodes of level l, {@code size >>> l} of them. */
  private final List<List<byte[]>> levels = new ArrayList<>();

  private long size;

  public MerkleTree() {
    this(new MerkleHasher());
  }

  public MerkleTree(MerkleHasher hasher) {
    this.hasher = requireNonNull(hasher, "hasher");
  }

  public long size() {
    return size;
  }

  public MerkleHasher hasher() {
    return hasher;
  }

  /** Hashes {@code data} as a leaf and appends it; returns the new leaf's index. */
  public long appendData(byte[] data) {
    requireNonNull(data, "data");
    return appendData(data, 0, data.length);
  }

  public long appendData(byte[] data, int off, int len) {
    long index = size;
    int slot = slot(0, index);
    hasher.leafHash(data, off, len, chunk(0, index), slot);
    return complete(index);
  }

  /** Appends an already computed leaf hash; returns the new leaf's index. */
  public long appendLeafHash(byte[] leafHash) {
    requireNonNull(leafHash, "leafHash");
    if (leafHash.length != H) {
      throw new IllegalArgumentException(
          "leaf hash: " + leafHash.length + " bytes (expected: " + H + ")");
    }
    long index = size;
    System.arraycopy(leafHash, 0, chunk(0, index), slot(0, index), H);
    return complete(index);
  }

  private long complete(long index) {
    long i = index;
    int level = 0;
    while ((i & 1) == 1) {
      byte[] left = chunkFor(level, i - 1);
      byte[] right = chunkFor(level, i);
      long parent = i >>> 1;
      hasher.nodeHash(
          left,
          slot(level, i - 1),
          right,
          slot(level, i),
          chunk(level + 1, parent),
          slot(level + 1, parent));
      i = parent;
      level++;
    }
    size = index + 1;
    return index;
  }

  public byte[] root() {
    return proofs().root(size);
  }

  public byte[] root(long treeSize) {
    checkWithin(treeSize);
    return proofs().root(treeSize);
  }

  public List<byte[]> inclusionProof(long index, long treeSize) {
    checkWithin(treeSize);
    return proofs().inclusion(index, treeSize);
  }

  public List<byte[]> consistencyProof(long size1, long size2) {
    checkWithin(size2);
    return proofs().consistency(size1, size2);
  }

  public byte[] leafHash(long index) {
    return hash(0, index);
  }

  @Override
  public void hash(int level, long index, byte[] out, int off) {
    if (level < 0 || level >= levels.size() || index < 0 || index >= (size >>> level)) {
      throw new IllegalStateException(
          "no complete node at level " + level + ", index " + index + " in a tree of size " + size);
    }
    System.arraycopy(chunkFor(level, index), slot(level, index), out, off, H);
  }

  private MerkleProofs proofs() {
    return new MerkleProofs(this, hasher);
  }

  private void checkWithin(long treeSize) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException("tree size: " + treeSize + " (expected: 0.." + size + ")");
    }
  }

  private static int slot(int level, long index) {
    return (int) (index & CHUNK_MASK) * H;
  }

  private byte[] chunkFor(int level, long index) {
    return levels.get(level).get((int) (index >>> CHUNK_SHIFT));
  }

  /** The chunk holding node {@code index} of {@code level}, created when first written. */
  private byte[] chunk(int level, long index) {
    while (levels.size() <= level) {
      levels.add(new ArrayList<>());
    }
    List<byte[]> chunks = levels.get(level);
    int c = (int) (index >>> CHUNK_SHIFT);
    while (chunks.size() <= c) {
      // A first chunk starts small and doubles, so small trees and upper levels stay small.
      chunks.add(new byte[(chunks.isEmpty() ? 16 : CHUNK_HASHES) * H]);
    }
    byte[] chunk = chunks.get(c);
    int needed = slot(level, index) + H;
    if (chunk.length < needed) {
      byte[] grown = new byte[Math.min(CHUNK_HASHES * H, Math.max(needed, chunk.length * 2))];
      System.arraycopy(chunk, 0, grown, 0, chunk.length);
      chunks.set(c, grown);
      chunk = grown;
    }
    return chunk;
  }
}

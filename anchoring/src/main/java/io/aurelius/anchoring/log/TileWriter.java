package io.aurelius.anchoring.log;

import io.aurelius.anchoring.merkle.MerkleHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes the hash tiles that change when leaves are appended: at each tile level, the tiles
 * touched by the new hashes are rewritten (the old partial one is replaced, so each tree holds only
 * the tiles of its own size), and every tile that becomes full contributes its root as a new hash
 * one tile level up.
 */
final class TileWriter {
  private static final int H = MerkleHasher.HASH_LENGTH;
  private static final int W = LogPaths.TILE_WIDTH;

  private final MerkleHasher hasher;

  TileWriter(MerkleHasher hasher) {
    this.hasher = hasher;
  }

  /**
   * Adds to {@code changes} (path → bytes, or null to delete) the tiles for appending {@code
   * leafHashes} to a log of {@code oldSize}, whose tiles {@code old} reads.
   */
  void append(TiledHashes old, long oldSize, List<byte[]> leafHashes, Map<String, byte[]> changes) {
    long newSize = oldSize + leafHashes.size();
    List<byte[]> fresh = leafHashes;
    for (int level = 0; ; level++) {
      long before = TiledHashes.hashesAt(level, oldSize);
      long after = TiledHashes.hashesAt(level, newSize);
      if (after == before) {
        return;
      }
      List<byte[]> up = new ArrayList<>();
      int next = 0;
      for (long t = before / W; t <= (after - 1) / W; t++) {
        long start = t * W;
        int had = (int) Math.max(0, Math.min(W, before - start));
        int width = (int) Math.min(W, after - start);
        byte[] tile = new byte[width * H];
        if (had > 0) {
          System.arraycopy(old.tile(level, t, had), 0, tile, 0, had * H);
          changes.put(LogPaths.hashTile(level, t, had), null);
        }
        for (int i = had; i < width; i++) {
          System.arraycopy(fresh.get(next++), 0, tile, i * H, H);
        }
        changes.put(LogPaths.hashTile(level, t, width), tile);
        if (width == W) {
          up.add(root(tile));
        }
      }
      fresh = up;
    }
  }

  /** The root of a full tile: its 256 hashes combined over eight levels. */
  private byte[] root(byte[] tile) {
    byte[] work = tile.clone();
    for (int n = W; n > 1; n >>= 1) {
      for (int i = 0; i < n / 2; i++) {
        hasher.nodeHash(work, 2 * i * H, work, (2 * i + 1) * H, work, i * H);
      }
    }
    byte[] out = new byte[H];
    System.arraycopy(work, 0, out, 0, H);
    return out;
  }
}

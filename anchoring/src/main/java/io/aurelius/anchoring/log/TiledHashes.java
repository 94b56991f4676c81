package io.aurelius.anchoring.log;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.merkle.CompleteSubtrees;
import io.aurelius.anchoring.merkle.MerkleHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Complete-subtree hashes read from tlog-tiles hash tiles of a log of {@code size} leaves. A node
 * of level {@code h} is in tile level {@code h / 8}: either a stored hash or the root of {@code
 * 2^(h mod 8)} adjacent stored hashes. Tiles of the current size serve every older size too (a tile
 * only ever grows). Recently read tiles are cached.
 */
final class TiledHashes implements CompleteSubtrees {
  private static final int H = MerkleHasher.HASH_LENGTH;
  private static final int CACHE = 256;
  private static final int NODE_CACHE = 16_384;

  private final FileSource files;
  private final long size;
  private final MerkleHasher hasher;
  private final Map<String, byte[]> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHE;
        }
      };

  /**
   * Nodes computed inside a tile (up to 127 hashes each). Proofs of neighbouring leaves share them,
   * so verifying every entry costs a few hashes per proof instead of hundreds.
   */
  private final Map<NodeKey, byte[]> nodes =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeKey, byte[]> eldest) {
          return size() > NODE_CACHE;
        }
      };

  TiledHashes(FileSource files, long size, MerkleHasher hasher) {
    this.files = requireNonNull(files, "files");
    this.size = size;
    this.hasher = requireNonNull(hasher, "hasher");
  }

  /** Hashes at tile level {@code level} that exist in a tree of {@code size} leaves. */
  static long hashesAt(int level, long size) {
    int shift = level * LogPaths.TILE_HEIGHT;
    return shift >= 63 ? 0 : size >>> shift;
  }

  /** Width of tile {@code index} of tile level {@code level} for a tree of {@code size}. */
  static int width(int level, long index, long size) {
    return (int) Math.min(LogPaths.TILE_WIDTH, hashesAt(level, size) - index * LogPaths.TILE_WIDTH);
  }

  @Override
  public void hash(int level, long index, byte[] out, int off) {
    int tileLevel = level / LogPaths.TILE_HEIGHT;
    int within = level % LogPaths.TILE_HEIGHT;
    long first = index << within;
    int count = 1 << within;
    long tileIndex = first >>> LogPaths.TILE_HEIGHT;
    int offset = (int) (first & (LogPaths.TILE_WIDTH - 1));
    int width = width(tileLevel, tileIndex, size);
    if (width < offset + count) {
      throw new TileException(
          "no complete node at level " + level + ", index " + index + " in a log of " + size);
    }
    byte[] tile = tile(tileLevel, tileIndex, width);
    if (count == 1) {
      System.arraycopy(tile, offset * H, out, off, H);
      return;
    }
    NodeKey key = new NodeKey(level, index);
    byte[] cached = nodes.get(key);
    if (cached != null) {
      System.arraycopy(cached, 0, out, off, H);
      return;
    }
    byte[] work = new byte[count * H];
    System.arraycopy(tile, offset * H, work, 0, count * H);
    for (int n = count; n > 1; n >>= 1) {
      for (int i = 0; i < n / 2; i++) {
        hasher.nodeHash(work, 2 * i * H, work, (2 * i + 1) * H, work, i * H);
      }
    }
    nodes.put(key, java.util.Arrays.copyOf(work, H));
    System.arraycopy(work, 0, out, off, H);
  }

  /** Tile bytes, checked for length; a missing or short tile is a {@link TileException}. */
  byte[] tile(int level, long index, int width) {
    String path = LogPaths.hashTile(level, index, width);
    byte[] tile = cache.get(path);
    if (tile != null) {
      return tile;
    }
    try {
      tile = files.read(path).orElseThrow(() -> new TileException(path + ": missing"));
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
    if (tile.length != width * H) {
      throw new TileException(path + ": " + tile.length + " bytes (expected: " + width * H + ")");
    }
    cache.put(path, tile);
    return tile;
  }

  private record NodeKey(int level, long index) {}

  /** A tile that is missing or malformed. */
  static final class TileException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TileException(String message) {
      super(message);
    }
  }
}

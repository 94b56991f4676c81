package io.aurelius.anchoring.verify;

import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.merkle.MerkleHasher;
import io.aurelius.anchoring.merkle.TreeFrontier;
import java.util.Arrays;
import java.util.Base64;

/**
 * Compares the nodes a {@link TreeFrontier} computes from the leaves with the hashes the log's
 * tiles store above level 0 (tree levels 8, 16, …). The first difference is kept and raised by
 * {@link #rethrow}, since a listener cannot throw it.
 */
final class TileNodes implements TreeFrontier.NodeListener {
  private static final int H = MerkleHasher.HASH_LENGTH;
  private final LogSnapshot head;
  private VerificationFailure failure;

  TileNodes(LogSnapshot head) {
    this.head = head;
  }

  @Override
  public void completed(int level, long index, byte[] hash, int off) {
    if (level % LogPaths.TILE_HEIGHT != 0 || failure != null) {
      return;
    }
    int tileLevel = level / LogPaths.TILE_HEIGHT;
    long tileIndex = index >>> LogPaths.TILE_HEIGHT;
    int slot = (int) (index & (LogPaths.TILE_WIDTH - 1)) * H;
    String what = "tile level " + tileLevel + ", hash " + index;
    try {
      byte[] tile = LogVerifier.guard(() -> head.hashTile(tileLevel, tileIndex), what);
      if (!Arrays.equals(hash, off, off + H, tile, slot, slot + H)) {
        failure =
            new VerificationFailure(
                what
                    + ": "
                    + Base64.getEncoder().encodeToString(Arrays.copyOfRange(tile, slot, slot + H))
                    + " does not match the tree of the entries ("
                    + Base64.getEncoder().encodeToString(Arrays.copyOfRange(hash, off, off + H))
                    + ")");
      }
    } catch (VerificationFailure e) {
      failure = e;
    }
  }

  void rethrow() throws VerificationFailure {
    if (failure != null) {
      throw failure;
    }
  }
}

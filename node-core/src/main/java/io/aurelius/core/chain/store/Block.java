package io.aurelius.core.chain.store;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import java.util.List;

/**
 * One block of the dev chain: its number, the hash of its parent (empty for block 0), the chain id,
 * when it was sealed, the extrinsics it applied in order, and the state root after them.
 */
public record Block(
    long number,
    String parent,
    String chainId,
    long timestampMillis,
    List<Extrinsic> extrinsics,
    String stateRoot) {
  public Block {
    requireNonNull(parent, "parent");
    requireNonNull(chainId, "chainId");
    requireNonNull(stateRoot, "stateRoot");
    extrinsics = List.copyOf(extrinsics);
    if (number < 0) {
      throw new IllegalArgumentException("block number " + number + " (expected: >= 0)");
    }
    if ((number == 0) != parent.isEmpty()) {
      throw new IllegalArgumentException(
          "block " + number + ": parent '" + parent + "' (expected: empty for block 0 only)");
    }
  }

  /** Hex SHA-256 of the block's canonical JSON: what the next block names as its parent. */
  public String hash() {
    return ContentId.of(CanonicalJson.bytes(BlockCodec.blockToTree(this))).hex();
  }
}

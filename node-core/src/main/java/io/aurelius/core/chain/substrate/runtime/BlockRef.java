package io.aurelius.core.chain.substrate.runtime;

import static java.util.Objects.requireNonNull;

/** A block: its hash, number and parent's hash (hashes as {@code 0x}-prefixed hex). */
public record BlockRef(String hash, long number, String parentHash) {
  public BlockRef {
    requireNonNull(hash, "hash");
    requireNonNull(parentHash, "parentHash");
  }

  @Override
  public String toString() {
    return "#" + number + " (" + hash.substring(0, Math.min(hash.length(), 10)) + "…)";
  }
}

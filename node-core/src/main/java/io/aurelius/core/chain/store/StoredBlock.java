package io.aurelius.core.chain.store;

import static java.util.Objects.requireNonNull;

/**
 * A block as read from the repository: its number, the commit that holds it (abbreviated for
 * messages) and the raw bytes of its {@code block.json}.
 */
public record StoredBlock(long number, String commit, byte[] bytes) {
  public StoredBlock {
    requireNonNull(commit, "commit");
    requireNonNull(bytes, "bytes");
  }

  public String shortCommit() {
    return commit.substring(0, Math.min(12, commit.length()));
  }

  /** How errors name this block: {@code block 17 (commit 3fa2c1d0e9ab)}. */
  public String label() {
    return "block " + number + " (commit " + shortCommit() + ")";
  }
}

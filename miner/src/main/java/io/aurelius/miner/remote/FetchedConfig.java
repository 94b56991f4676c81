package io.aurelius.miner.remote;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;

/**
 * A configuration found in a remote repository: its id (recomputed from the content), the file's
 * bytes, where it was found, and the commit it was read from.
 */
public record FetchedConfig(ContentId id, byte[] bytes, String branch, String path, String commit) {
  public FetchedConfig {
    requireNonNull(id, "id");
    bytes = bytes.clone();
    requireNonNull(branch, "branch");
    requireNonNull(path, "path");
    requireNonNull(commit, "commit");
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}

package io.aurelius.miner.library;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import java.util.List;
import java.util.Optional;

/**
 * The library as of one commit: its configurations in the order they were added, and the files
 * under {@code configs/} that could not be read as configurations (each with why).
 *
 * @param commit the commit's hex id, empty for a library with no commit yet
 */
public record LibrarySnapshot(
    Optional<String> commit, List<StoredConfig> configs, List<String> unreadable) {
  public LibrarySnapshot {
    requireNonNull(commit, "commit");
    configs = List.copyOf(configs);
    unreadable = List.copyOf(unreadable);
  }

  public List<LibraryEntry> entries() {
    return configs.stream().map(StoredConfig::entry).toList();
  }

  public Optional<StoredConfig> get(ContentId id) {
    requireNonNull(id, "id");
    return configs.stream().filter(c -> c.entry().id().equals(id)).findFirst();
  }
}

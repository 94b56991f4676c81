package io.aurelius.miner.library;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import java.time.Instant;
import java.util.Optional;

/**
 * One configuration in the library: its id, name and title, the id it was forked from, when it was
 * added (its commit's time), and its path in the repository.
 */
public record LibraryEntry(
    ContentId id,
    String name,
    String title,
    Optional<ContentId> parent,
    Instant added,
    String path) {
  public LibraryEntry {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(title, "title");
    requireNonNull(parent, "parent");
    requireNonNull(added, "added");
    requireNonNull(path, "path");
  }
}

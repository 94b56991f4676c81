package io.aurelius.miner.library;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** Reads one commit of a library into a {@link LibrarySnapshot}. */
final class LibraryReader {
  private final Repository repository;

  LibraryReader(Repository repository) {
    this.repository = repository;
  }

  LibrarySnapshot read() throws IOException {
    ObjectId head = repository.resolve(LibraryLayout.BRANCH);
    if (head == null) {
      return new LibrarySnapshot(Optional.empty(), List.of(), List.of());
    }
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit tip = walk.parseCommit(head);
      Map<ContentId, Added> added = additions(walk, tip);
      List<StoredConfig> configs = new ArrayList<>();
      List<String> unreadable = new ArrayList<>();
      try (TreeWalk tree = new TreeWalk(repository)) {
        tree.addTree(tip.getTree());
        tree.setRecursive(true);
        tree.setFilter(PathFilter.create(LibraryLayout.DIRECTORY));
        while (tree.next()) {
          try {
            configs.add(read(tree.getPathString(), tree.getObjectId(0), added, tip));
          } catch (Unreadable e) {
            unreadable.add(e.getMessage());
          }
        }
      }
      configs.sort(
          Comparator.comparing(
                  (StoredConfig c) -> added.getOrDefault(c.entry().id(), Added.UNKNOWN).order())
              .thenComparing(c -> c.entry().id()));
      return new LibrarySnapshot(Optional.of(tip.name()), configs, unreadable);
    }
  }

  /** When each configuration was added, from the commits' {@code Config-Id} trailers. */
  private static Map<ContentId, Added> additions(RevWalk walk, RevCommit tip) throws IOException {
    walk.sort(RevSort.TOPO);
    walk.sort(RevSort.REVERSE, true);
    walk.markStart(tip);
    Map<ContentId, Added> added = new HashMap<>();
    long order = 0;
    for (RevCommit commit : walk) {
      for (String value : commit.getFooterLines(LibraryLayout.CONFIG_TRAILER)) {
        try {
          added.putIfAbsent(
              ContentId.parse(value.trim()),
              new Added(order++, Instant.ofEpochSecond(commit.getCommitTime())));
        } catch (IllegalArgumentException ignored) {
          // a hand-written trailer that is not an id: the file still lists, by id order
        }
      }
    }
    walk.reset();
    return added;
  }

  private record Added(long order, Instant when) {
    static final Added UNKNOWN = new Added(Long.MAX_VALUE, Instant.EPOCH);
  }

  /** A file under configs/ that is not a readable configuration, and why. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  private StoredConfig read(String path, ObjectId blob, Map<ContentId, Added> added, RevCommit tip)
      throws IOException, Unreadable {
    ContentId named =
        LibraryLayout.idOf(path)
            .orElseThrow(() -> new Unreadable(path + ": not named configs/<id>.json (ignored)"));
    ObjectLoader loader = repository.open(blob);
    if (loader.getSize() > Limits.MAX_DOCUMENT_BYTES) {
      throw new Unreadable(
          path
              + ": "
              + loader.getSize()
              + " bytes (expected: at most "
              + Limits.MAX_DOCUMENT_BYTES
              + ")");
    }
    byte[] bytes = loader.getBytes();
    JsonNode document;
    ContentId id;
    try {
      document = Json.parse(bytes, path, Limits.JSON);
      id = ConfigDocuments.id(document);
    } catch (JsonInputException | IllegalArgumentException e) {
      throw new Unreadable(e.getMessage());
    }
    if (!id.equals(named)) {
      throw new Unreadable(path + ": content id " + id.hex() + " (expected: the id in its name)");
    }
    Instant when =
        added.containsKey(id) ? added.get(id).when() : Instant.ofEpochSecond(tip.getCommitTime());
    LibraryEntry entry =
        new LibraryEntry(
            id, text(document, "name"), text(document, "title"), parent(document), when, path);
    return new StoredConfig(entry, bytes);
  }

  private static String text(JsonNode document, String member) {
    JsonNode value = document.get(member);
    return value != null && value.isTextual() ? value.textValue() : "";
  }

  private static Optional<ContentId> parent(JsonNode document) {
    JsonNode value = document.get("parent");
    if (value == null || !value.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ContentId.parse(value.textValue()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

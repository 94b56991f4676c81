package io.aurelius.config.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code *.json} files of one directory (not its subdirectories), indexed by the id of their
 * content. Files that are not JSON objects within the limits are skipped and listed in {@link
 * #skipped()}; a file's name plays no part in its id.
 */
public final class DirectoryStore implements ConfigStore {
  private final Map<ContentId, JsonNode> byId;
  private final List<String> skipped;

  private DirectoryStore(Map<ContentId, JsonNode> byId, List<String> skipped) {
    this.byId = byId;
    this.skipped = skipped;
  }

  public static DirectoryStore scan(Path dir) {
    requireNonNull(dir, "dir");
    Map<ContentId, JsonNode> byId = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        try {
          JsonNode doc =
              Json.parse(Files.readAllBytes(file), file.getFileName().toString(), Limits.JSON);
          byId.put(ConfigDocuments.id(doc), doc);
        } catch (JsonInputException | IllegalArgumentException e) {
          skipped.add(file.getFileName() + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("store " + dir + ": " + e.getMessage(), e);
    }
    return new DirectoryStore(Collections.unmodifiableMap(byId), List.copyOf(skipped));
  }

  @Override
  public Optional<JsonNode> find(ContentId id) {
    return Optional.ofNullable(byId.get(id)).map(JsonNode::deepCopy);
  }

  public int size() {
    return byId.size();
  }

  /** Files that could not be read, each with the reason. */
  public List<String> skipped() {
    return skipped;
  }
}

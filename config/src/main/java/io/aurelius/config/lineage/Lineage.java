package io.aurelius.config.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.core.hash.ContentId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ancestry of a configuration: its own id first, then each parent's, as far as the store knows
 * them, and why the walk ended.
 */
public record Lineage(List<ContentId> chain, End end) {
  /** Walks are cut off after this many generations. */
  public static final int MAX_GENERATIONS = 1_000;

  public Lineage {
    chain = List.copyOf(chain);
    requireNonNull(end, "end");
  }

  /** Why a walk stopped. */
  public sealed interface End {
    /** The last configuration has no parent. */
    record Root() implements End {}

    /** The store does not hold the parent with this id. */
    record MissingParent(ContentId id) implements End {}

    /** A parent id that was already visited (only possible with a corrupt store). */
    record Cycle(ContentId id) implements End {}

    /** A {@code parent} member that is not a content id. */
    record InvalidParent(String value) implements End {}

    /** More than {@link #MAX_GENERATIONS} generations. */
    record TooLong() implements End {}
  }

  public static Lineage walk(JsonNode start, ConfigStore store) {
    requireNonNull(start, "start");
    requireNonNull(store, "store");
    List<ContentId> chain = new ArrayList<>();
    Set<ContentId> seen = new HashSet<>();
    JsonNode current = start;
    chain.add(ConfigDocuments.id(current));
    seen.add(chain.get(0));
    while (true) {
      JsonNode parent = current.get("parent");
      if (parent == null) {
        return new Lineage(chain, new End.Root());
      }
      Optional<ContentId> id = parse(parent);
      if (id.isEmpty()) {
        return new Lineage(chain, new End.InvalidParent(parent.toString()));
      }
      if (!seen.add(id.get())) {
        return new Lineage(chain, new End.Cycle(id.get()));
      }
      if (chain.size() > MAX_GENERATIONS) {
        return new Lineage(chain, new End.TooLong());
      }
      Optional<JsonNode> next = store.find(id.get());
      if (next.isEmpty()) {
        return new Lineage(chain, new End.MissingParent(id.get()));
      }
      chain.add(id.get());
      current = next.get();
    }
  }

  private static Optional<ContentId> parse(JsonNode parent) {
    if (!parent.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ContentId.parse(parent.textValue()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

package io.aurelius.config.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.core.json.CanonicalJson;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a fork: the source without its signature, changed by an RFC 7396 JSON merge patch and
 * optional new name and title, with {@code parent} set to the source's id. A fork must differ from
 * its source in more than {@code parent}; the caller validates the result.
 */
public final class Fork {
  private Fork() {}

  /** The requested changes. */
  public record Changes(
      Optional<JsonNode> mergePatch, Optional<String> name, Optional<String> title) {
    public Changes {
      requireNonNull(mergePatch, "mergePatch");
      requireNonNull(name, "name");
      requireNonNull(title, "title");
    }
  }

  /**
   * The fork document.
   *
   * @throws IllegalArgumentException (one line) when the patch is not an object or the fork would
   *     not differ from its source
   */
  public static ObjectNode of(JsonNode source, Changes changes) {
    requireNonNull(changes, "changes");
    ObjectNode fork = ConfigDocuments.unsigned(source);
    changes
        .mergePatch()
        .ifPresent(
            patch -> {
              if (!patch.isObject()) {
                throw new IllegalArgumentException(
                    "merge patch: not a JSON object (expected: an RFC 7396 "
                        + "merge patch object)");
              }
              merge(fork, (ObjectNode) patch);
            });
    changes.name().ifPresent(n -> fork.put("name", n));
    changes.title().ifPresent(t -> fork.put("title", t));
    fork.remove(ConfigDocuments.SIGNATURE);
    fork.remove("parent");
    if (CanonicalJson.string(fork).equals(CanonicalJson.string(body(source)))) {
      throw new IllegalArgumentException(
          "fork: identical to its source apart from parent "
              + "(expected: a change, e.g. a new name or a merge patch)");
    }
    fork.put("parent", ConfigDocuments.id(source).hex());
    return fork;
  }

  private static ObjectNode body(JsonNode source) {
    ObjectNode body = ConfigDocuments.unsigned(source);
    body.remove("parent");
    return body;
  }

  /** RFC 7396: null removes a member, an object merges recursively, anything else replaces. */
  static void merge(ObjectNode target, ObjectNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        target.remove(e.getKey());
      } else if (value.isObject()) {
        JsonNode existing = target.get(e.getKey());
        ObjectNode into =
            existing != null && existing.isObject()
                ? (ObjectNode) existing
                : target.putObject(e.getKey());
        merge(into, (ObjectNode) value);
      } else {
        target.set(e.getKey(), value.deepCopy());
      }
    }
  }
}

package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import java.util.List;

/**
 * A version of the world model: how many adoptions it has seen and the id of the adopted modules'
 * ids in adoption order (SHA-256 of their canonical JSON array). Version 0 is the base world model,
 * with no module. Written {@code <number>:<id hex>}.
 */
public record WorldModelVersion(int number, ContentId id) {
  public static final WorldModelVersion BASE = of(List.of());

  public WorldModelVersion {
    requireNonNull(id, "id");
    if (number < 0) {
      throw new IllegalArgumentException("world model version " + number + " (expected: >= 0)");
    }
  }

  public static WorldModelVersion of(List<ContentId> adopted) {
    ArrayNode ids = JsonNodeFactory.instance.arrayNode();
    adopted.forEach(i -> ids.add(i.hex()));
    return new WorldModelVersion(adopted.size(), CanonicalJson.id(ids));
  }

  /** Reads {@code <number>:<id hex>}. */
  public static WorldModelVersion parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException(
          "world model version '" + text + "' (expected: <number>:<64 hex>)");
    }
    try {
      return new WorldModelVersion(
          Integer.parseInt(text.substring(0, colon)), ContentId.parse(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "world model version '" + text + "' (expected: <number>:<64 hex>)");
    }
  }

  @Override
  public String toString() {
    return number + ":" + id.hex();
  }
}

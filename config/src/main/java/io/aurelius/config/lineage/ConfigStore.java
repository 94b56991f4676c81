package io.aurelius.config.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.hash.ContentId;
import java.util.Optional;

/** Known configuration documents by id. */
public interface ConfigStore {
  /** The document whose id is {@code id}, if this store holds it. */
  Optional<JsonNode> find(ContentId id);
}

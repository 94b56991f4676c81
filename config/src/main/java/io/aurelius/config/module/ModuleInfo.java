package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.model.Signature;
import io.aurelius.core.hash.ContentId;
import java.util.List;
import java.util.Optional;

/**
 * What every module has: kind, name (its namespace), title, parent (a fork's source id), the names
 * of the mechanic packs it requires, its content id, the document as read and its signature.
 */
public record ModuleInfo(
    ModuleKind kind,
    String name,
    String title,
    Optional<ContentId> parent,
    List<String> requires,
    ContentId id,
    JsonNode document,
    Optional<Signature> signature) {
  public ModuleInfo {
    requireNonNull(kind, "kind");
    requireNonNull(name, "name");
    requireNonNull(title, "title");
    requireNonNull(parent, "parent");
    requires = List.copyOf(requires);
    requireNonNull(id, "id");
    document = document.deepCopy();
    requireNonNull(signature, "signature");
  }

  @Override
  public JsonNode document() {
    return document.deepCopy();
  }
}

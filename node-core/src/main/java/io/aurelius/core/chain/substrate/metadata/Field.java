package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A field of a composite or of a variant: its name (absent in tuple structs) and type id. */
public record Field(Optional<String> name, int type, Optional<String> typeName, List<String> docs) {
  public Field {
    requireNonNull(name, "name");
    requireNonNull(typeName, "typeName");
    docs = List.copyOf(docs);
  }
}

package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.scale.Bytes;
import java.util.List;

/** A pallet constant: its type and SCALE-encoded value. */
public record Constant(String name, int type, Bytes value, List<String> docs) {
  public Constant {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    docs = List.copyOf(docs);
  }
}

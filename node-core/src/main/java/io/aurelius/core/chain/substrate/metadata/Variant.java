package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One variant of an enum type: its name, its encoded index and its fields. */
public record Variant(String name, int index, List<Field> fields, List<String> docs) {
  public Variant {
    requireNonNull(name, "name");
    if (index < 0 || index > 255) {
      throw new IllegalArgumentException("index: " + index + " (expected: 0..255)");
    }
    fields = List.copyOf(fields);
    docs = List.copyOf(docs);
  }
}

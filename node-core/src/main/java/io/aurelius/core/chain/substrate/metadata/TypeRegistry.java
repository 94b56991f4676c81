package io.aurelius.core.chain.substrate.metadata;

import java.util.List;
import java.util.Optional;

/** The portable type registry: types by id (ids are dense, 0..n-1, as scale-info emits them). */
public record TypeRegistry(List<PortableType> types) {
  public TypeRegistry {
    types = List.copyOf(types);
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).id() != i) {
        throw new IllegalArgumentException(
            "types[" + i + "].id: " + types.get(i).id() + " (expected: " + i + ")");
      }
    }
  }

  public int size() {
    return types.size();
  }

  /** The type with this id; an id outside the registry is an error naming it. */
  public PortableType get(int id) {
    if (id < 0 || id >= types.size()) {
      throw new IllegalArgumentException(
          "type id " + id + " (expected: 0.." + (types.size() - 1) + ")");
    }
    return types.get(id);
  }

  /** The first type whose path ends with these segments, e.g. {@code ("AccountId32")}. */
  public Optional<PortableType> byPath(String... suffix) {
    List<String> want = List.of(suffix);
    return types.stream()
        .filter(
            t ->
                t.path().size() >= want.size()
                    && t.path()
                        .subList(t.path().size() - want.size(), t.path().size())
                        .equals(want))
        .findFirst();
  }
}

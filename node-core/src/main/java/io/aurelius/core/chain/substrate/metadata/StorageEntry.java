package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.scale.Bytes;
import java.util.List;

/**
 * A pallet's storage item: a plain value, or a map with one hasher per key. {@code defaultValue} is
 * the SCALE value a {@link Modifier#DEFAULT} entry reads as when nothing is stored.
 */
public record StorageEntry(
    String name, Modifier modifier, Kind kind, Bytes defaultValue, List<String> docs) {
  public StorageEntry {
    requireNonNull(name, "name");
    requireNonNull(modifier, "modifier");
    requireNonNull(kind, "kind");
    requireNonNull(defaultValue, "defaultValue");
    docs = List.copyOf(docs);
  }

  /** What reading an absent key gives: nothing ({@code Option}) or the default value. */
  public enum Modifier {
    OPTIONAL,
    DEFAULT
  }

  public int valueType() {
    return kind instanceof Kind.Map m ? m.value() : ((Kind.Plain) kind).value();
  }

  public List<StorageHasher> hashers() {
    return kind instanceof Kind.Map m ? m.hashers() : List.of();
  }

  /** A plain value or a map; a map with several hashers has a tuple key type. */
  public sealed interface Kind {
    record Plain(int value) implements Kind {}

    record Map(List<StorageHasher> hashers, int key, int value) implements Kind {
      public Map {
        hashers = List.copyOf(hashers);
        if (hashers.isEmpty()) {
          throw new IllegalArgumentException("hashers: none (expected: at least one)");
        }
      }
    }
  }
}

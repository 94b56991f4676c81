package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A pallet: its index in the runtime's call and event enums, its storage (with the prefix its keys
 * start with), the enum types of its calls, events and errors, and its constants.
 */
public record Pallet(
    String name,
    int index,
    String storagePrefix,
    List<StorageEntry> storage,
    OptionalInt callType,
    OptionalInt eventType,
    OptionalInt errorType,
    List<Constant> constants,
    List<String> docs) {
  public Pallet {
    requireNonNull(name, "name");
    requireNonNull(storagePrefix, "storagePrefix");
    storage = List.copyOf(storage);
    requireNonNull(callType, "callType");
    requireNonNull(eventType, "eventType");
    requireNonNull(errorType, "errorType");
    constants = List.copyOf(constants);
    docs = List.copyOf(docs);
  }

  public Optional<StorageEntry> storageEntry(String entry) {
    return storage.stream().filter(e -> e.name().equals(entry)).findFirst();
  }

  public Optional<Constant> constant(String constant) {
    return constants.stream().filter(c -> c.name().equals(constant)).findFirst();
  }
}

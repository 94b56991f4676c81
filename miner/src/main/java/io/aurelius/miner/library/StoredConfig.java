package io.aurelius.miner.library;

import static java.util.Objects.requireNonNull;

/** A library entry with the bytes of its file, as committed. */
public record StoredConfig(LibraryEntry entry, byte[] bytes) {
  public StoredConfig {
    requireNonNull(entry, "entry");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}

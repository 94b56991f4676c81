package io.aurelius.anchoring.log;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Files of one log state by path: a git tree, or pending writes laid over one. */
interface FileSource {
  Optional<byte[]> read(String path) throws IOException;

  /** {@code changes} (null value = deleted) laid over {@code base}. */
  static FileSource overlay(Map<String, byte[]> changes, FileSource base) {
    return path ->
        changes.containsKey(path) ? Optional.ofNullable(changes.get(path)) : base.read(path);
  }
}

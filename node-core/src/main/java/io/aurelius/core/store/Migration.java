package io.aurelius.core.store;

import static java.util.Objects.requireNonNull;

/** One schema step: applied once, in version order, inside a transaction. */
public record Migration(int version, String sql) {
  public Migration {
    if (version < 1) {
      throw new IllegalArgumentException("migration version: " + version + " (expected: >= 1)");
    }
    requireNonNull(sql, "sql");
  }
}

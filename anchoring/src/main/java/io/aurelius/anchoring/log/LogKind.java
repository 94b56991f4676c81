package io.aurelius.anchoring.log;

import java.util.Locale;
import java.util.Optional;

/** What a log holds: accepted aenes, or the subnet's covenant and its amendments. */
public enum LogKind {
  CORPUS,
  COVENANT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<LogKind> of(String id) {
    for (LogKind k : values()) {
      if (k.id().equals(id)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}

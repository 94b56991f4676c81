package io.aurelius.judge.rubric;

import java.util.Locale;
import java.util.Optional;

/** The five DLV heuristics. Their wording lives in the rubric data; these are the keys. */
public enum Heuristic {
  SELF_AWARENESS,
  OTHER_AWARENESS,
  TENSION_RECOGNITION,
  DELIBERATION,
  COHERENCE;

  /** The key used in JSON and on the command line, e.g. {@code self_awareness}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A short column header, e.g. {@code self}. */
  public String shortName() {
    return switch (this) {
      case SELF_AWARENESS -> "self";
      case OTHER_AWARENESS -> "other";
      case TENSION_RECOGNITION -> "tension";
      case DELIBERATION -> "delib";
      case COHERENCE -> "coher";
    };
  }

  public static Optional<Heuristic> fromKey(String key) {
    for (Heuristic h : values()) {
      if (h.key().equals(key)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }
}

package io.aurelius.judge.gate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How much of a configuration's prose repeats itself: over its distinct text fields, the share of
 * sentences (of at least {@value #MIN_CHARS} characters, compared case- and space-insensitively)
 * that copy an earlier sentence of the same field. Written prose does not repeat whole sentences;
 * padding does. The same text in two fields (a label under both framings, a choice that is also an
 * action) is how configurations are built, not padding, so fields are compared only with
 * themselves.
 */
public final class Repetition {
  static final int MIN_CHARS = 20;

  private Repetition() {}

  public static double share(JsonNode config) {
    requireNonNull(config, "config");
    Set<String> fields = new LinkedHashSet<>();
    collect(config, fields);
    int sentences = 0;
    int repeated = 0;
    for (String field : fields) {
      Set<String> seen = new HashSet<>();
      for (String s : field.split("(?<=[.!?])\\s+|\\n+")) {
        String n = s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (n.length() < MIN_CHARS) {
          continue;
        }
        sentences++;
        if (!seen.add(n)) {
          repeated++;
        }
      }
    }
    return sentences == 0 ? 0 : (double) repeated / sentences;
  }

  private static void collect(JsonNode n, Set<String> out) {
    if (n.isTextual()) {
      out.add(n.asText());
    } else if (n.isContainerNode()) {
      n.forEach(x -> collect(x, out));
    }
  }
}

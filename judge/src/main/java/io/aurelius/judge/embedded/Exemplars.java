package io.aurelius.judge.embedded;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.data.Fields;
import io.aurelius.judge.rubric.Heuristic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Anchored exemplar sentences per heuristic ({@code "format": "aurelius.exemplars/1"}). */
public record Exemplars(String rubric, String version, Map<Heuristic, List<Exemplar>> byHeuristic) {
  public static final String BUNDLED = "judge/rubric/dlv-v1-exemplars.json";
  private static final JsonLimits LIMITS = new JsonLimits(1 << 20, 8, 4096);

  /** One anchored sentence. */
  public record Exemplar(int level, String text) {
    public Exemplar {
      requireNonNull(text, "text");
      if (level < 0 || level > 5) {
        throw new IllegalArgumentException("exemplar level " + level + " (expected: 0..5)");
      }
    }
  }

  public Exemplars {
    requireNonNull(rubric, "rubric");
    requireNonNull(version, "version");
    EnumMap<Heuristic, List<Exemplar>> copy = new EnumMap<>(Heuristic.class);
    for (Heuristic h : Heuristic.values()) {
      List<Exemplar> list = byHeuristic.get(h);
      if (list == null || list.stream().mapToInt(Exemplar::level).distinct().count() < 2) {
        throw new IllegalArgumentException(
            "exemplars: " + h.key() + " needs exemplars at two or more levels");
      }
      copy.put(h, List.copyOf(list));
    }
    byHeuristic = Collections.unmodifiableMap(copy);
  }

  public static Exemplars bundled() {
    return parse(BundledData.read(BUNDLED), BUNDLED);
  }

  public static Exemplars parse(byte[] bytes, String what) {
    JsonNode root = Json.parse(bytes, what, LIMITS);
    Fields top =
        Fields.of(root, what, Set.of("format", "rubric", "version", "description", "heuristics"));
    if (!"aurelius.exemplars/1".equals(top.text("format"))) {
      throw new JsonInputException(
          what + ".format: '" + top.text("format") + "' (expected: aurelius.exemplars/1)");
    }
    JsonNode hs = top.node("heuristics");
    Set<String> keys = new java.util.HashSet<>();
    for (Heuristic h : Heuristic.values()) {
      keys.add(h.key());
    }
    Fields hf = Fields.of(hs, what + ".heuristics", keys);
    Map<Heuristic, List<Exemplar>> map = new EnumMap<>(Heuristic.class);
    for (Heuristic h : Heuristic.values()) {
      if (!hf.has(h.key())) {
        throw new JsonInputException(what + ".heuristics." + h.key() + ": missing");
      }
      List<Exemplar> list = new ArrayList<>();
      for (Fields.Element e : hf.array(h.key())) {
        Fields f = e.fields(Set.of("level", "text"));
        try {
          list.add(new Exemplar(f.integer("level"), f.text("text")));
        } catch (IllegalArgumentException ex) {
          throw new JsonInputException(e.at() + ": " + ex.getMessage());
        }
      }
      map.put(h, list);
    }
    try {
      return new Exemplars(top.text("rubric"), top.text("version"), map);
    } catch (IllegalArgumentException ex) {
      throw new JsonInputException(what + ": " + ex.getMessage());
    }
  }
}

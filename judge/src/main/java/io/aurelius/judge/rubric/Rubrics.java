package io.aurelius.judge.rubric;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.data.Fields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Reads rubric documents ({@code "format": "aurelius.rubric/1"}) and the bundled default. */
public final class Rubrics {
  /** The bundled rubric every validator uses unless told otherwise. */
  public static final String DEFAULT_RESOURCE = "judge/rubric/dlv-v1.json";

  private static final String FORMAT = "aurelius.rubric/1";
  private static final JsonLimits LIMITS = new JsonLimits(256 * 1024, 16, 8 * 1024);

  private static volatile Rubric bundled;

  private Rubrics() {}

  /** The bundled DLV rubric, read once. */
  public static Rubric dlvV1() {
    Rubric r = bundled;
    if (r == null) {
      r = parse(BundledData.read(DEFAULT_RESOURCE), DEFAULT_RESOURCE);
      bundled = r;
    }
    return r;
  }

  /**
   * Parses and validates a rubric document.
   *
   * @throws JsonInputException with a one-line message naming the bad field
   */
  public static Rubric parse(byte[] bytes, String what) {
    requireNonNull(bytes, "bytes");
    JsonNode root = Json.parse(bytes, what, LIMITS);
    Fields top =
        Fields.of(root, what, Set.of("format", "name", "version", "description", "heuristics"));
    String format = top.text("format");
    if (!FORMAT.equals(format)) {
      throw new JsonInputException(what + ".format: '" + format + "' (expected: " + FORMAT + ")");
    }
    Map<Heuristic, HeuristicSpec> specs = new EnumMap<>(Heuristic.class);
    for (Fields.Element e : top.array("heuristics")) {
      Fields f = e.fields(Set.of("key", "title", "question", "low", "high", "weight", "criteria"));
      String key = f.text("key");
      Heuristic h =
          Heuristic.fromKey(key)
              .orElseThrow(
                  () ->
                      new JsonInputException(
                          e.at()
                              + ".key: '"
                              + key
                              + "' (expected: one of self_awareness, other_awareness,"
                              + " tension_recognition, deliberation, coherence)"));
      List<Criterion> criteria = new ArrayList<>();
      for (Fields.Element ce : f.array("criteria")) {
        Fields c = ce.fields(Set.of("id", "weight", "text"));
        criteria.add(
            wrap(
                ce.at(),
                () -> new Criterion(c.text("id"), h, c.integer("weight"), c.text("text"))));
      }
      HeuristicSpec spec =
          wrap(
              e.at(),
              () ->
                  new HeuristicSpec(
                      h,
                      f.text("title"),
                      f.text("question"),
                      f.text("low"),
                      f.text("high"),
                      f.number("weight"),
                      criteria));
      if (specs.put(h, spec) != null) {
        throw new JsonInputException(
            e.at() + ".key: " + key + " repeated (expected: each heuristic once)");
      }
    }
    return wrap(
        what,
        () -> new Rubric(top.text("name"), top.text("version"), CanonicalJson.id(root), specs));
  }

  private static <T> T wrap(String at, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new JsonInputException(at + ": " + e.getMessage());
    }
  }
}

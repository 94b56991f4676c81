package io.aurelius.judge.calibration;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.data.Fields;
import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.rubric.Heuristic;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading and writing labels. A labels file is JSON Lines, one labelled aene per line:
 *
 * <pre>{"aene_id":…,"configuration_id":…,"observation":…,"reasoning":…,"action":…,
 *  "levels":{"self_awareness":4,…},"judges":{"embedded-v2:minilm-l6-v2":{"self_awareness":0.61,…}}}
 * </pre>
 *
 * The bundled calibration set ({@code "format": "aurelius.labels/1"}) holds the same records in one
 * JSON document.
 */
public final class Labels {
  public static final String BUNDLED = "judge/rubric/dlv-v1-calibration.json";

  /** A labels file holds at most this many lines. */
  public static final int MAX_LINES = 100_000;

  private static final JsonLimits LINE_LIMITS = new JsonLimits(1 << 20, 8, 256 * 1024);
  private static final Set<String> LINE_KEYS =
      Set.of(
          "aene_id",
          "configuration_id",
          "observation",
          "reasoning",
          "action",
          "levels",
          "judges",
          "labeller");

  private Labels() {}

  /** The hand-labelled aenes the embedded judge calibrates on. */
  public static List<LabelledAene> bundled() {
    byte[] bytes = BundledData.read(BUNDLED);
    JsonNode root = Json.parse(bytes, BUNDLED, new JsonLimits(1 << 20, 8, 64 * 1024));
    Fields top =
        Fields.of(root, BUNDLED, Set.of("format", "rubric", "version", "description", "aenes"));
    List<LabelledAene> out = new ArrayList<>();
    for (Fields.Element e : top.array("aenes")) {
      Fields f = e.fields(Set.of("id", "observation", "reasoning", "action", "levels"));
      JudgeInput in =
          new JudgeInput(
              f.text("id"),
              "calibration",
              f.anyText("observation"),
              f.anyText("reasoning"),
              f.anyText("action"),
              false);
      out.add(
          wrap(
              e.at(),
              () -> new LabelledAene(in, levels(f.node("levels"), e.at() + ".levels"), Map.of())));
    }
    return List.copyOf(out);
  }

  /**
   * Parses a JSON Lines labels file. Blank lines are skipped.
   *
   * @throws JsonInputException naming the file and line of the first bad record
   */
  public static List<LabelledAene> parseJsonLines(byte[] bytes, String what) {
    requireNonNull(bytes, "bytes");
    String text = utf8(bytes, what);
    List<LabelledAene> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (out.size() >= MAX_LINES) {
        throw new JsonInputException(
            what + ": more than " + MAX_LINES + " labels (expected: at most " + MAX_LINES + ")");
      }
      String at = what + ":" + lineNo;
      JsonNode node = Json.parse(line, at, LINE_LIMITS);
      out.add(parseLine(node, at));
    }
    return List.copyOf(out);
  }

  static LabelledAene parseLine(JsonNode node, String at) {
    Fields f = Fields.of(node, at, LINE_KEYS);
    JudgeInput in =
        wrap(
            at,
            () ->
                new JudgeInput(
                    f.text("aene_id"),
                    f.text("configuration_id"),
                    f.anyText("observation"),
                    f.anyText("reasoning"),
                    f.anyText("action"),
                    false));
    Map<String, Map<Heuristic, Double>> judges = new LinkedHashMap<>();
    if (f.has("judges")) {
      JsonNode js = f.node("judges");
      if (!js.isObject()) {
        throw new JsonInputException(at + ".judges: not an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = js.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        judges.put(e.getKey(), scores(e.getValue(), at + ".judges." + e.getKey()));
      }
    }
    return wrap(at, () -> new LabelledAene(in, levels(f.node("levels"), at + ".levels"), judges));
  }

  /** One labelled aene as a single JSON line (canonical, so equal labels give equal bytes). */
  public static String toJsonLine(LabelledAene l, String labeller) {
    ObjectNode o = Json.newObject();
    o.put("aene_id", l.aene().aeneId());
    o.put("configuration_id", l.aene().configurationId());
    o.put("observation", l.aene().observation());
    o.put("reasoning", l.aene().reasoning());
    o.put("action", l.aene().action());
    ObjectNode lv = o.putObject("levels");
    l.levels().forEach((h, v) -> lv.put(h.key(), v));
    ObjectNode js = o.putObject("judges");
    l.judgeScores()
        .forEach(
            (judge, scores) -> {
              ObjectNode s = js.putObject(judge);
              scores.forEach((h, v) -> s.put(h.key(), v));
            });
    o.put("labeller", labeller);
    return CanonicalJson.string(o);
  }

  private static Map<Heuristic, Integer> levels(JsonNode node, String at) {
    Fields f = Fields.of(node, at, keys());
    Map<Heuristic, Integer> out = new EnumMap<>(Heuristic.class);
    for (Heuristic h : Heuristic.values()) {
      out.put(h, f.integer(h.key()));
    }
    return out;
  }

  private static Map<Heuristic, Double> scores(JsonNode node, String at) {
    Fields f = Fields.of(node, at, keys());
    Map<Heuristic, Double> out = new EnumMap<>(Heuristic.class);
    for (Heuristic h : Heuristic.values()) {
      if (f.has(h.key())) {
        out.put(h, f.number(h.key()));
      }
    }
    return out;
  }

  private static Set<String> keys() {
    Set<String> k = new java.util.HashSet<>();
    for (Heuristic h : Heuristic.values()) {
      k.add(h.key());
    }
    return k;
  }

  private static String utf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new JsonInputException(what + ": not valid UTF-8 (expected: UTF-8 JSON Lines)");
    }
  }

  private static <T> T wrap(String at, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new JsonInputException(at + ": " + e.getMessage());
    }
  }
}

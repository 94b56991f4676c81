package io.aurelius.judge.defence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.data.Fields;
import io.aurelius.judge.port.JudgeInput;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds instruction-like content in an aene: text addressed to a judge, score claims, chat-template
 * tokens, attempts to close the fence. Text is NFKC-normalised and zero-width characters are
 * removed first, so look-alike letters and hidden joiners do not hide a match.
 */
public final class InjectionDetector {
  public static final String BUNDLED = "judge/defence/injection-patterns.json";
  private static final JsonLimits LIMITS = new JsonLimits(256 * 1024, 8, 4096);
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u00AD]");

  private final String version;
  private final Map<String, Pattern> patterns;

  private InjectionDetector(String version, Map<String, Pattern> patterns) {
    this.version = version;
    this.patterns = patterns;
  }

  public static InjectionDetector bundled() {
    return parse(BundledData.read(BUNDLED), BUNDLED);
  }

  public static InjectionDetector parse(byte[] bytes, String what) {
    JsonNode root = Json.parse(bytes, what, LIMITS);
    Fields top =
        Fields.of(root, what, Set.of("format", "name", "version", "description", "patterns"));
    if (!"aurelius.patterns/1".equals(top.text("format"))) {
      throw new JsonInputException(
          what + ".format: '" + top.text("format") + "' (expected: aurelius.patterns/1)");
    }
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    for (Fields.Element e : top.array("patterns")) {
      Fields f = e.fields(Set.of("id", "regex"));
      try {
        Pattern p =
            Pattern.compile(f.text("regex"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        if (patterns.put(f.text("id"), p) != null) {
          throw new JsonInputException(e.at() + ".id: " + f.text("id") + " repeated");
        }
      } catch (PatternSyntaxException ex) {
        throw new JsonInputException(e.at() + ".regex: " + ex.getDescription());
      }
    }
    if (patterns.isEmpty()) {
      throw new JsonInputException(what + ".patterns: empty (expected: at least one)");
    }
    return new InjectionDetector(
        top.text("name") + "-v" + top.text("version"), Map.copyOf(patterns));
  }

  public String version() {
    return version;
  }

  /** The ids of the patterns that match anywhere in the aene, sorted; empty if none. */
  public List<String> scan(JudgeInput aene) {
    requireNonNull(aene, "aene");
    return scan(aene.allText());
  }

  public List<String> scan(String text) {
    String t = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    List<String> hits = new ArrayList<>();
    patterns.forEach(
        (id, p) -> {
          if (p.matcher(t).find()) {
            hits.add(id);
          }
        });
    hits.sort(null);
    return List.copyOf(hits);
  }
}

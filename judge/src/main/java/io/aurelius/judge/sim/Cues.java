package io.aurelius.judge.sim;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.data.Fields;
import io.aurelius.judge.data.PhraseList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sim judge's rules, one per rubric criterion ({@code "format": "aurelius.cues/1"}). */
public record Cues(String rubric, String version, Map<String, CriterionRule> rules) {
  public static final String BUNDLED = "judge/sim/criterion-cues.json";
  private static final JsonLimits LIMITS = new JsonLimits(1 << 20, 10, 4096);

  public Cues {
    requireNonNull(rubric, "rubric");
    requireNonNull(version, "version");
    rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
  }

  public static Cues bundled() {
    return parse(BundledData.read(BUNDLED), BUNDLED);
  }

  public static Cues parse(byte[] bytes, String what) {
    JsonNode root = Json.parse(bytes, what, LIMITS);
    Fields top =
        Fields.of(
            root,
            what,
            Set.of("format", "rubric", "version", "description", "features", "criteria"));
    if (!"aurelius.cues/1".equals(top.text("format"))) {
      throw new JsonInputException(
          what + ".format: '" + top.text("format") + "' (expected: aurelius.cues/1)");
    }
    JsonNode criteria = top.node("criteria");
    if (!criteria.isObject()) {
      throw new JsonInputException(what + ".criteria: not an object");
    }
    Map<String, CriterionRule> rules = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = criteria.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = what + ".criteria." + e.getKey();
      Fields f = Fields.of(e.getValue(), at, Set.of("all", "any"));
      boolean all = f.has("all");
      if (all == f.has("any")) {
        throw new JsonInputException(at + ": expected exactly one of all, any");
      }
      List<Cue> cues = new ArrayList<>();
      for (Fields.Element c : f.array(all ? "all" : "any")) {
        Fields cf = c.fields(Set.of("feature", "min", "max", "phrases"));
        Optional<PhraseList> phrases =
            cf.has("phrases")
                ? Optional.of(new PhraseList(e.getKey(), "1", cf.texts("phrases")))
                : Optional.empty();
        try {
          cues.add(
              new Cue(
                  cf.text("feature"),
                  cf.has("min") ? Optional.of(cf.number("min")) : Optional.empty(),
                  cf.has("max") ? Optional.of(cf.number("max")) : Optional.empty(),
                  phrases));
        } catch (IllegalArgumentException ex) {
          throw new JsonInputException(c.at() + ": " + ex.getMessage());
        }
      }
      rules.put(e.getKey(), new CriterionRule(e.getKey(), all, cues));
    }
    return new Cues(top.text("rubric"), top.text("version"), rules);
  }

  /** The answers for one aene, criterion by criterion. */
  public Map<String, Boolean> answer(CueFeatures f) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    rules.forEach((id, rule) -> out.put(id, rule.answer(f)));
    return out;
  }
}

package io.aurelius.config.module;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.model.OutcomeMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the structure of a mechanic pack's {@code outcome} fragment: the members of a
 * configuration's outcome map except {@code groups} (a pack does not know the agents), each with at
 * most {@link ModuleLimits#MAX_OUTCOME_ENTRIES} entries. Which names it may use is {@link
 * PackCheck}'s part.
 */
final class FragmentReader {
  private static final List<String> TERMS =
      List.of("utility", "world_utility", "life", "world_life");
  private static final Set<String> MEMBERS =
      Set.of("utility", "world_utility", "life", "world_life", "failures", "irreversible");
  private static final Pattern TERM = Pattern.compile("^-?[a-z][a-z0-9_]{0,29}$");
  private static final Pattern EVENT = Pattern.compile("^[a-z][a-z0-9_]{1,29}$");
  private static final Pattern FLOOR = Pattern.compile("^(world|self)\\.[a-z][a-z0-9_]{0,29}$");

  private final List<ModuleProblem> problems;

  private FragmentReader(List<ModuleProblem> problems) {
    this.problems = problems;
  }

  static OutcomeMap read(JsonNode node, List<ModuleProblem> problems) {
    return new FragmentReader(problems).read(node);
  }

  private OutcomeMap read(JsonNode node) {
    if (!node.isObject()) {
      malformed("$.outcome", node.getNodeType() + " (expected: an object)");
      return OutcomeMap.EMPTY;
    }
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (f.equals("groups")) {
                malformed(
                    "$.outcome.groups",
                    "present (expected: none; a pack does not know the agents, the configuration"
                        + " groups them)");
              } else if (!MEMBERS.contains(f)) {
                malformed(
                    "$.outcome." + f,
                    "unknown field (expected: one of "
                        + String.join(", ", new TreeSet<>(MEMBERS))
                        + ")");
              }
            });
    Map<String, List<OutcomeMap.Term>> terms = new LinkedHashMap<>();
    for (String key : TERMS) {
      terms.put(key, terms(node.get(key), "$.outcome." + key));
    }
    return new OutcomeMap(
        terms.get("utility"),
        terms.get("world_utility"),
        terms.get("life"),
        terms.get("world_life"),
        Map.of(),
        failures(node.get("failures")),
        floors(node.get("irreversible")));
  }

  private List<OutcomeMap.Term> terms(JsonNode list, String path) {
    List<OutcomeMap.Term> out = new ArrayList<>();
    if (list == null || !array(list, path, "variable names")) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      if (!t.isTextual() || !TERM.matcher(t.textValue()).matches()) {
        malformed(
            path + "[" + i + "]", t + " (expected: a variable name, '-' first if lower is better)");
      } else {
        out.add(OutcomeMap.Term.parse(t.textValue()));
      }
    }
    return out;
  }

  private Map<String, Double> failures(JsonNode map) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (map == null) {
      return out;
    }
    String path = "$.outcome.failures";
    if (!map.isObject()) {
      malformed(path, map.getNodeType() + " (expected: an object of event name -> harm)");
      return out;
    }
    count(path, map.size());
    map.fields()
        .forEachRemaining(
            e -> {
              JsonNode harm = e.getValue();
              if (!EVENT.matcher(e.getKey()).matches()) {
                malformed(path + "." + e.getKey(), "not an event name (expected: " + EVENT + ")");
              } else if (!harm.isNumber() || !(harm.doubleValue() > 0 && harm.doubleValue() <= 1)) {
                malformed(path + "." + e.getKey(), harm + " (expected: a harm in (0, 1])");
              } else {
                out.put(e.getKey(), harm.doubleValue());
              }
            });
    return out;
  }

  private List<OutcomeMap.Floor> floors(JsonNode list) {
    List<OutcomeMap.Floor> out = new ArrayList<>();
    String path = "$.outcome.irreversible";
    if (list == null || !array(list, path, "{var, at_most}")) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode f = list.get(i);
      JsonNode var = f.path("var");
      JsonNode atMost = f.path("at_most");
      if (!f.isObject()
          || f.size() != 2
          || !var.isTextual()
          || !FLOOR.matcher(var.textValue()).matches()
          || !atMost.isNumber()) {
        malformed(
            path + "[" + i + "]",
            f + " (expected: {\"var\": \"world.NAME\" or \"self.NAME\", \"at_most\": number})");
      } else {
        out.add(new OutcomeMap.Floor(var.textValue(), atMost.doubleValue()));
      }
    }
    return out;
  }

  private boolean array(JsonNode node, String path, String of) {
    if (!node.isArray()) {
      malformed(path, node.getNodeType() + " (expected: an array of " + of + ")");
      return false;
    }
    count(path, node.size());
    return true;
  }

  private void count(String path, int size) {
    if (size > ModuleLimits.MAX_OUTCOME_ENTRIES) {
      problems.add(
          new ModuleProblem(
              ModuleReason.LIMITS,
              path,
              size + " entries (expected: at most " + ModuleLimits.MAX_OUTCOME_ENTRIES + ")"));
    }
  }

  private void malformed(String path, String message) {
    problems.add(new ModuleProblem(ModuleReason.MALFORMED, path, message));
  }
}

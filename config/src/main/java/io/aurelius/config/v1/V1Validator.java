package io.aurelius.config.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.validation.Problem;
import io.aurelius.config.validation.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a document against SN37 {@code schema_v1.json} (every keyword it uses: type, required,
 * additionalProperties false, pattern, enum, minLength/maxLength in code points, minItems/maxItems,
 * integer minimum/maximum, the custom-archetype if/then/else and the forced-choice oneOf with null)
 * plus SN37's code rules: agent names are distinct, a forced choice names an agent, and the
 * document is at most 65536 bytes. Every violation is reported with its v1 JSON path.
 */
public final class V1Validator {
  private V1Validator() {}

  /** Problems of a parsed document; {@code size} is its length in bytes (-1 if unknown). */
  public static List<Problem> validate(JsonNode doc, long size) {
    Problems p = new Problems();
    if (size > V1Rules.MAX_BYTES) {
      p.add("$", size + " bytes (expected: at most " + V1Rules.MAX_BYTES + ")");
    }
    V1Object root = V1Object.of(doc, "$", p, V1Rules.ROOT_KEYS, V1Rules.ROOT_REQUIRED);
    if (root == null) {
      return p.list();
    }
    root.pattern("name", V1Rules.NAME);
    String archetype = root.oneOf("tension_archetype", V1Rules.ARCHETYPES);
    root.text("tension_description", 20, 200);
    if ("custom".equals(archetype) && !doc.has("tension_description")) {
      p.add(
          "$.tension_description", "missing (expected: required when tension_archetype is custom)");
    } else if (archetype != null && !"custom".equals(archetype) && doc.has("tension_description")) {
      p.add("$.tension_description", "present (expected: only when tension_archetype is custom)");
    }
    root.text("morebench_context", 1, 100);
    root.text("premise", 200, 2000);
    Map<String, Integer> agentNames = new HashMap<>();
    List<JsonNode> agents = root.array("agents", 2, 2);
    for (int i = 0; i < agents.size(); i++) {
      String path = "$.agents[" + i + "]";
      V1Object agent =
          V1Object.of(
              agents.get(i), path, p, V1Rules.AGENT_KEYS, List.of("name", "identity", "goal"));
      if (agent == null) {
        continue;
      }
      String name = agent.text("name", 2, 30);
      agent.text("identity", 10, 500);
      agent.text("goal", 10, 500);
      agent.oneOf("philosophy", V1Rules.PHILOSOPHIES);
      if (name != null) {
        Integer first = agentNames.putIfAbsent(name, i);
        if (first != null) {
          p.add(
              path + ".name",
              Problems.quote(name)
                  + " repeated (expected: distinct agent names;"
                  + " first at $.agents["
                  + first
                  + "].name)");
        }
      }
    }
    List<JsonNode> scenes = root.array("scenes", 1, 10);
    for (int i = 0; i < scenes.size(); i++) {
      scene(scenes.get(i), "$.scenes[" + i + "]", p, agentNames);
    }
    return p.list();
  }

  private static void scene(JsonNode node, String path, Problems p, Map<String, Integer> agents) {
    V1Object scene = V1Object.of(node, path, p, V1Rules.SCENE_KEYS, List.of("steps"));
    if (scene == null) {
      return;
    }
    scene.integer("steps", 1, 5);
    scene.oneOf("mode", V1Rules.MODES);
    JsonNode choice = node.get("forced_choice");
    if (choice == null || choice.isNull()) {
      return;
    }
    String at = path + ".forced_choice";
    if (!choice.isObject()) {
      p.add(at, Problems.show(choice) + " (expected: a ForcedChoice object or null)");
      return;
    }
    V1Object fc = V1Object.of(choice, at, p, V1Rules.CHOICE_KEYS, V1Rules.CHOICE_KEYS);
    String agent = fc.text("agent_name", 2, 30);
    List<JsonNode> choices = fc.array("choices", 2, 2);
    for (int i = 0; i < choices.size(); i++) {
      if (!choices.get(i).isTextual()) {
        p.add(at + ".choices[" + i + "]", Problems.show(choices.get(i)) + " (expected: a string)");
      }
    }
    fc.text("call_to_action", 10, 500);
    if (agent != null && !agents.isEmpty() && !agents.containsKey(agent)) {
      p.add(
          at + ".agent_name",
          Problems.quote(agent)
              + " names no agent (expected: one of "
              + String.join(", ", agents.keySet().stream().sorted().toList())
              + ")");
    }
  }
}

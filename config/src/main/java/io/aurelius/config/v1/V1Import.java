package io.aurelius.config.v1;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.validation.Problem;
import io.aurelius.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SN37 v1 → {@code aurelius.config/1}. The result is a narrative world: every agent may {@code act}
 * (free text) in decision phases; scene k becomes phase {@code scene_k}; a forced choice becomes
 * action {@code scene_k_choice} offered only to its agent in that phase, with one string parameter
 * {@code option} whose two values are the choices, and the call to action as the phase's narrative.
 * Until that agent has chosen, it cannot {@code act} in that phase ({@code world.scene_k_decided}).
 * The philosophy becomes the agent's stance and persona.
 */
public final class V1Import {
  static final String ESCAPED_BRACES = "{{ \"{{\" }}";
  static final String CHOICE_PARAM = "option";

  private V1Import() {}

  /** Imports a v1 document, or throws {@link V1Invalid} with every v1 schema violation. */
  public static ObjectNode convert(JsonNode v1, long size) {
    requireNonNull(v1, "v1");
    List<Problem> problems = V1Validator.validate(v1, size);
    if (!problems.isEmpty()) {
      throw new V1Invalid("schema_v1", problems);
    }
    ObjectNode out = Json.newObject();
    String name = v1.get("name").textValue();
    out.put("format", ScenarioConfig.FORMAT);
    out.put("name", name);
    out.put("title", title(name));
    ObjectNode labels = out.putObject("labels");
    labels.put("tension_archetype", v1.get("tension_archetype").textValue());
    labels.put("domain", v1.get("morebench_context").textValue());
    if (v1.has("tension_description")) {
      labels.put("tension_description", v1.get("tension_description").textValue());
    }
    labels.put("source_format", "sn37.schema_v1");
    List<String> displayNames = new ArrayList<>();
    v1.get("agents").forEach(a -> displayNames.add(a.get("name").textValue()));
    List<String> names = V1Names.slugs(displayNames);
    ObjectNode state = out.putObject("world").putObject("state");
    agents(out.putArray("agents"), v1.get("agents"), names);
    ArrayNode actions = out.putArray("actions");
    ArrayNode phases = Json.newObject().arrayNode();
    List<String> gates = new ArrayList<>();
    int totalSteps = 0;
    JsonNode scenes = v1.get("scenes");
    for (int k = 1; k <= scenes.size(); k++) {
      JsonNode scene = scenes.get(k - 1);
      String phase = "scene_" + k;
      int steps = scene.get("steps").asInt();
      totalSteps += steps;
      ObjectNode ph = phases.addObject();
      ph.put("name", phase);
      ph.put("steps", steps);
      ph.put("mode", scene.has("mode") ? scene.get("mode").textValue() : "decision");
      JsonNode fc = scene.get("forced_choice");
      if (fc == null || fc.isNull()) {
        continue;
      }
      String agent = names.get(displayNames.indexOf(fc.get("agent_name").textValue()));
      String decided = phase + "_decided";
      ObjectNode flag = state.putObject(decided);
      flag.put("type", "bool");
      flag.put("initial", false);
      flag.put("description", "whether " + agent + " has made the decision of " + phase);
      ObjectNode narrative = ph.putObject("narrative");
      String call = fc.get("call_to_action").textValue();
      narrative.put("immersive", escape(call));
      narrative.put("control", "Decision point: " + escape(call));
      gates.add(
          "!(phase == '" + phase + "' && actor == '" + agent + "' && !world." + decided + ")");
      choiceAction(actions.addObject(), phase, agent, decided, fc.get("choices"));
    }
    actAction(actions.insertObject(0), gates);
    out.set("phases", phases);
    out.putObject("termination").put("max_steps", totalSteps);
    out.put("memory_window", Math.min(totalSteps, 20));
    String premise = escape(v1.get("premise").textValue());
    ObjectNode framings = out.putObject("framings");
    framings.putObject("immersive").put("premise", premise);
    framings
        .putObject("control")
        .put(
            "premise",
            "This is a two-player role-play game about a "
                + "moral decision. Each player plays one character and chooses actions; some scenes end "
                + "in a forced choice between two options. The situation: "
                + premise);
    return out;
  }

  private static void agents(ArrayNode out, JsonNode agents, List<String> names) {
    for (int i = 0; i < agents.size(); i++) {
      JsonNode a = agents.get(i);
      ObjectNode agent = out.addObject();
      agent.put("name", names.get(i));
      agent.put("display_name", a.get("name").textValue());
      agent.put("identity", a.get("identity").textValue());
      agent.put("goal", a.get("goal").textValue());
      if (a.has("philosophy")) {
        String philosophy = a.get("philosophy").textValue();
        Stances.stance(philosophy).ifPresent(s -> agent.put("stance", s));
        agent.put("persona", philosophy.isEmpty() ? Stances.UNSPECIFIED : philosophy);
      }
    }
  }

  private static void actAction(ObjectNode act, List<String> gates) {
    act.put("name", "act");
    ObjectNode label = act.putObject("label");
    label.put("immersive", "Do or say something");
    label.put("control", "Take a free-form action in the game");
    act.putArray("actors").add("*");
    ObjectNode deed = act.putObject("parameters").putObject("deed");
    deed.put("type", "text");
    deed.put("max_length", 1000);
    ObjectNode deedLabel = deed.putObject("label");
    deedLabel.put("immersive", "what I do or say");
    deedLabel.put("control", "your action, in your own words");
    if (!gates.isEmpty()) {
      act.put("precondition", String.join(" && ", gates));
    }
    ObjectNode narration = act.putObject("narration");
    narration.put("immersive", "{{ names[actor] }}: {{ params.deed }}");
    narration.put("control", "Player {{ names[actor] }} acts: {{ params.deed }}");
    act.put("visibility", "all");
  }

  private static void choiceAction(
      ObjectNode a, String phase, String agent, String decided, JsonNode choices) {
    a.put("name", phase + "_choice");
    ObjectNode label = a.putObject("label");
    label.put("immersive", "Make my decision");
    label.put("control", "Make the forced choice (one of two options)");
    a.putArray("actors").add(agent);
    a.putArray("phases").add(phase);
    ObjectNode option = a.putObject("parameters").putObject(CHOICE_PARAM);
    option.put("type", "string");
    option.set("values", choices.deepCopy());
    ObjectNode optionLabel = option.putObject("label");
    optionLabel.put("immersive", "what I decide");
    optionLabel.put("control", "the option you choose");
    a.put("precondition", "!world." + decided);
    ObjectNode effect = a.putArray("effects").addObject();
    effect.put("set", "world." + decided);
    effect.put("to", "true");
    ObjectNode narration = a.putObject("narration");
    narration.put("immersive", "{{ names[actor] }} decides: {{ params." + CHOICE_PARAM + " }}");
    narration.put("control", "Player {{ names[actor] }} chose: {{ params." + CHOICE_PARAM + " }}");
    a.put("visibility", "all");
  }

  /** Makes literal text safe as a template: each {@code {{} becomes an interpolation of it. */
  static String escape(String text) {
    return text.replace("{{", ESCAPED_BRACES);
  }

  private static String title(String name) {
    String spaced = name.replace('_', ' ');
    return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }
}

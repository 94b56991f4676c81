package io.aurelius.config.v1;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.model.Phase;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Template;
import io.aurelius.config.validation.Problem;
import io.aurelius.config.validation.Problems;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * {@code aurelius.config/1} → SN37 v1, where expressible: exactly two agents, one to ten phases, a
 * literal immersive premise, personas that are v1 philosophies. A phase's forced choice is the one
 * action offered only in that phase, to one agent, with one string parameter of two values; its
 * call to action is the phase's immersive narrative. Mechanics (state, effects, dynamics,
 * observations, events) have no v1 form and are dropped.
 */
public final class V1Export {
  private V1Export() {}

  /** The v1 document, or {@link V1Invalid} naming what cannot be expressed. */
  public static ObjectNode convert(CompiledConfig compiled) {
    requireNonNull(compiled, "compiled");
    ScenarioConfig c = compiled.config();
    Problems p = new Problems();
    ObjectNode out = Json.newObject();
    out.put("name", c.name());
    out.put("tension_archetype", c.tensionArchetype());
    Optional.ofNullable(c.labels().get("tension_description"))
        .ifPresent(d -> out.put("tension_description", d));
    out.put("morebench_context", c.domain());
    literal(c.framings().premise().immersive(), p).ifPresent(s -> out.put("premise", s));
    if (c.agents().size() != 2) {
      p.add("$.agents", c.agents().size() + " agents (expected: exactly 2 for schema_v1)");
    }
    ArrayNode agents = out.putArray("agents");
    for (int i = 0; i < c.agents().size(); i++) {
      agent(c.agents().get(i), "$.agents[" + i + "]", agents.addObject(), p);
    }
    if (c.phases().isEmpty()) {
      p.add("$.phases", "none (expected: 1..10 phases, the schema_v1 scenes)");
    }
    ArrayNode scenes = out.putArray("scenes");
    for (int i = 0; i < c.phases().size(); i++) {
      scene(c, c.phases().get(i), "$.phases[" + i + "]", scenes.addObject(), p);
    }
    if (p.isEmpty()) {
      List<Problem> v1 = V1Validator.validate(out, CanonicalJson.bytes(out).length);
      v1.forEach(problem -> p.add("schema_v1 " + problem.path(), problem.message()));
    }
    if (!p.isEmpty()) {
      throw new V1Invalid("export-v1", p.list());
    }
    return out;
  }

  private static void agent(Agent a, String path, ObjectNode out, Problems p) {
    out.put("name", a.shownName());
    out.put("identity", a.identity());
    out.put("goal", a.goal());
    a.persona()
        .ifPresent(
            persona -> {
              if (persona.equals(Stances.UNSPECIFIED)) {
                out.put("philosophy", "");
              } else if (V1Rules.PHILOSOPHIES.contains(persona)) {
                out.put("philosophy", persona);
              } else {
                p.add(
                    path + ".persona",
                    Problems.quote(persona)
                        + " (expected: a schema_v1 philosophy or "
                        + Stances.UNSPECIFIED
                        + ")");
              }
            });
  }

  private static void scene(
      ScenarioConfig c, Phase phase, String path, ObjectNode out, Problems p) {
    out.put("steps", phase.steps());
    out.put("mode", phase.mode().json());
    List<Action> choices = c.actions().stream().filter(a -> isForcedChoice(a, phase)).toList();
    if (choices.size() > 1) {
      p.add(path, choices.size() + " forced choices (expected: at most 1 per schema_v1 scene)");
      return;
    }
    if (choices.isEmpty()) {
      return;
    }
    Action action = choices.get(0);
    ObjectNode fc = out.putObject("forced_choice");
    fc.put(
        "agent_name",
        c.agent(action.actors().names().get(0))
            .map(Agent::shownName)
            .orElse(action.actors().names().get(0)));
    ArrayNode values = fc.putArray("choices");
    ((ParamDecl.ChoiceParam) action.parameters().values().iterator().next())
        .values()
        .forEach(values::add);
    if (phase.narrative().isEmpty()) {
      p.add(
          path + ".narrative",
          "missing (expected: the call to action of the forced choice " + action.name() + ")");
      return;
    }
    literal(phase.narrative().get().immersive(), p).ifPresent(s -> fc.put("call_to_action", s));
  }

  private static boolean isForcedChoice(Action a, Phase phase) {
    return a.phases().equals(List.of(phase.name()))
        && !a.actors().everyone()
        && a.actors().names().size() == 1
        && a.parameters().size() == 1
        && a.parameters().values().iterator().next() instanceof ParamDecl.ChoiceParam choice
        && choice.values().size() == 2;
  }

  /** The template as plain text, if it has no interpolation other than an escaped brace pair. */
  static Optional<String> literal(Template t, Problems p) {
    StringBuilder out = new StringBuilder();
    for (Template.Part part : t.parts()) {
      if (part instanceof Template.Literal l) {
        out.append(l.text());
      } else {
        Template.Interpolation i = (Template.Interpolation) part;
        if (!i.expression().source().equals("\"{{\"")) {
          p.add(
              t.path() + "@" + i.offset(),
              "interpolation {{ "
                  + i.expression().source()
                  + " }} (expected: literal text for schema_v1)");
          return Optional.empty();
        }
        out.append("{{");
      }
    }
    return Optional.of(out.toString());
  }
}

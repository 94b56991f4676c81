package io.aurelius.worldmodel.sim;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.SimLabel;
import io.aurelius.worldmodel.agent.schema.ReplySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded simulation model. {@link #answer} is a pure function of the messages, the schema,
 * the seed and the persona hint: the same request always gets the same text, in process or over
 * HTTP. For an agent-turn schema it plays the turn (persona policy plus composed reasoning); for
 * any other schema it writes a conforming instance; with no schema it writes a short paragraph.
 */
public final class SimModel {
  /** The model name the sim model answers under, everywhere. */
  public static final String NAME = SimLabel.MODEL;

  private SimModel() {}

  public static String answer(
      List<PromptMessage> messages,
      Optional<JsonNode> schema,
      long seed,
      Optional<String> persona) {
    requireNonNull(messages, "messages");
    requireNonNull(schema, "schema");
    requireNonNull(persona, "persona");
    String system = text(messages, PromptMessage.Role.SYSTEM);
    String observation = firstUser(messages);
    List<String> parts = new ArrayList<>();
    messages.forEach(m -> parts.add(m.role() + ":" + m.text()));
    parts.add(schema.map(CanonicalJson::string).orElse(""));
    parts.add(persona.orElse(""));
    SimRandom rnd = SimRandom.of(seed, parts);
    Optional<ReplySchema> turn = schema.flatMap(ReplySchema::fromJsonSchema);
    Cues cues =
        Cues.read(
            system,
            observation,
            turn.map(SimModel::choiceWords).orElse(java.util.Set.of()),
            turn.map(SimModel::options).orElse(List.of()));
    if (turn.isPresent()) {
      // A hint that names no persona (a philosophy label, an agent's name) still fixes one, the
      // same in every framing; without a hint the system message does.
      Persona p =
          persona.flatMap(Persona::parse).orElseGet(() -> Persona.derive(persona.orElse(system)));
      ActionPolicy.Choice choice = ActionPolicy.choose(p, turn.get(), cues, rnd);
      String reasoning =
          ReasoningComposer.compose(p, cues, choice, rnd, turn.get().maxReasoningChars());
      ObjectNode reply = Json.newObject().put("reasoning", reasoning);
      ObjectNode action = reply.putObject("action").put("name", choice.action().name());
      ObjectNode params = action.putObject("params");
      choice.params().forEach((k, v) -> params.set(k, v.toJson()));
      return CanonicalJson.string(reply);
    }
    if (schema.isPresent() && schema.get().isObject() && !schema.get().isEmpty()) {
      return CanonicalJson.string(
          SchemaInstances.generate(schema.get(), rnd, () -> sentence(cues, rnd)));
    }
    return paragraph(cues, rnd);
  }

  /**
   * The texts of the choices on offer: each action's description, and each value of a choice
   * parameter that is a phrase rather than a name (a forced choice between two courses).
   */
  private static List<String> options(ReplySchema schema) {
    List<String> out = new ArrayList<>();
    schema
        .actions()
        .forEach(
            a -> {
              out.add(a.name().replace('_', ' ') + ": " + a.description());
              a.params()
                  .values()
                  .forEach(
                      p -> {
                        if (p instanceof io.aurelius.worldmodel.agent.schema.ParamSpec.OneOf o) {
                          o.values().stream().filter(v -> v.contains(" ")).forEach(out::add);
                        }
                      });
            });
    return out;
  }

  /**
   * The lower-case values of every choice parameter that are single words: usually the names of the
   * people involved (a phrase, such as one course of a forced choice, is not a name).
   */
  private static java.util.Set<String> choiceWords(ReplySchema schema) {
    java.util.Set<String> words = new java.util.HashSet<>();
    schema
        .actions()
        .forEach(
            a ->
                a.params()
                    .values()
                    .forEach(
                        p -> {
                          if (p instanceof io.aurelius.worldmodel.agent.schema.ParamSpec.OneOf o) {
                            o.values().stream()
                                .filter(v -> !v.contains(" "))
                                .forEach(v -> words.add(v.toLowerCase(java.util.Locale.ROOT)));
                          }
                        }));
    return words;
  }

  private static String sentence(Cues cues, SimRandom rnd) {
    return cues.salient(rnd)
        .map(s -> "Considering that " + cues.inline(s.strip()))
        .orElse("A considered answer, written by the sim model.");
  }

  private static String paragraph(Cues cues, SimRandom rnd) {
    StringBuilder b = new StringBuilder();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : " ").append(sentence(cues, rnd));
      if (!b.toString().endsWith(".")) {
        b.append('.');
      }
    }
    return b.toString();
  }

  private static String text(List<PromptMessage> messages, PromptMessage.Role role) {
    StringBuilder b = new StringBuilder();
    messages.stream().filter(m -> m.role() == role).forEach(m -> b.append(m.text()).append('\n'));
    return b.toString();
  }

  private static String firstUser(List<PromptMessage> messages) {
    return messages.stream()
        .filter(m -> m.role() == PromptMessage.Role.USER)
        .map(PromptMessage::text)
        .findFirst()
        .orElse("");
  }
}

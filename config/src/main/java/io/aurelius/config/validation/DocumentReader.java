package io.aurelius.config.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Effect;
import io.aurelius.config.model.Event;
import io.aurelius.config.model.Observation;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.Phase;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Signature;
import io.aurelius.config.model.VarDecl;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a parsed document into a {@link ScenarioConfig}, adding a problem for every member that is
 * missing, mistyped, out of bounds or unknown. The returned record is complete even when problems
 * were found (unreadable parts are left out), so later checks can still run.
 */
public final class DocumentReader {
  private DocumentReader() {}

  public static ScenarioConfig read(JsonNode document, Problems problems) {
    Fields f = Fields.of(document, "$", problems);
    if (document.isObject() && !document.has("format") && document.has("scenes")) {
      problems.add(
          "$",
          "looks like an SN37 schema_v1 configuration (expected: "
              + ScenarioConfig.FORMAT
              + "; convert it with 'aurelius config import-v1')");
    }
    f.string("format", true, Problems.quote(ScenarioConfig.FORMAT))
        .ifPresent(
            format -> {
              if (!format.equals(ScenarioConfig.FORMAT)) {
                problems.add(
                    "$.format",
                    Problems.quote(format)
                        + " (expected: "
                        + Problems.quote(ScenarioConfig.FORMAT)
                        + ")");
              }
            });
    String name = f.matching("name", true, Names.CONFIG).orElse("");
    String title = f.text("title", true, 1, Limits.MAX_TITLE_CHARS).orElse("");
    Optional<ContentId> parent =
        f.matching("parent", false, Names.CONTENT_ID)
            .filter(h -> Names.CONTENT_ID.matcher(h).matches())
            .map(ContentId::parse);
    Map<String, String> labels = labels(f);
    Map<String, VarDecl> world =
        f.object("world", true, "{state}")
            .map(
                w -> {
                  Map<String, VarDecl> state =
                      StateReader.read(w, "state", true, Limits.MAX_WORLD_VARS);
                  w.finish();
                  return state;
                })
            .orElse(Map.of());
    List<Agent> agents = list(f, "agents", 1, Limits.MAX_AGENTS, "agents", AgentReader::read);
    List<Action> actions = list(f, "actions", 1, Limits.MAX_ACTIONS, "actions", ActionReader::read);
    List<Effect> dynamics = Parts.effects(f, "dynamics", false, Limits.MAX_DYNAMICS);
    List<Observation> observations =
        list(
            f,
            "observations",
            0,
            Limits.MAX_OBSERVATIONS,
            "observations",
            StoryReader::observation);
    List<Event> events = list(f, "events", 0, Limits.MAX_EVENTS, "events", StoryReader::event);
    List<Phase> phases = list(f, "phases", 1, Limits.MAX_PHASES, "phases", StoryReader::phase);
    var termination = StoryReader.termination(f);
    int memoryWindow =
        f.integer("memory_window", true, 0, Limits.MAX_MEMORY_WINDOW).orElse(0L).intValue();
    var framings = StoryReader.framings(f);
    Optional<Signature> signature =
        f.object("signature", false, "{author, signature}").flatMap(DocumentReader::signature);
    Optional<OutcomeMap> outcome = OutcomeReader.read(f, world, agents, events);
    f.finish();
    return new ScenarioConfig(
        name,
        title,
        parent,
        labels,
        world,
        agents,
        actions,
        dynamics,
        observations,
        events,
        phases,
        termination,
        memoryWindow,
        framings,
        signature,
        outcome);
  }

  /** Only the signature block of a document (a configuration with imports is signed as written). */
  public static Optional<Signature> signatureOf(JsonNode document, Problems problems) {
    return Fields.of(document, "$", problems)
        .object("signature", false, "{author, signature}")
        .flatMap(DocumentReader::signature);
  }

  private static Map<String, String> labels(Fields f) {
    Map<String, String> labels = new LinkedHashMap<>();
    List<Fields.Entry> entries = f.map("labels", true, Limits.MAX_LABELS, "labels");
    for (Fields.Entry e : entries) {
      if (!Names.LABEL_KEY.matcher(e.key()).matches()) {
        f.problems()
            .add(
                e.path(),
                "label "
                    + Problems.quote(e.key())
                    + " (expected: "
                    + Names.LABEL_KEY.pattern()
                    + ")");
      }
      Check.text(e.node(), e.path(), f.problems(), 1, Limits.MAX_LABEL_CHARS)
          .ifPresent(v -> labels.put(e.key(), v));
    }
    if (f.has("labels") && f.isObject()) {
      for (String required : List.of("tension_archetype", "domain")) {
        if (entries.stream().noneMatch(e -> e.key().equals(required))) {
          f.problems()
              .add(
                  Problems.child("$.labels", required),
                  "missing (expected: a label of 1.." + Limits.MAX_LABEL_CHARS + " characters)");
        }
      }
    }
    return labels;
  }

  private static <T> List<T> list(
      Fields f, String key, int min, int max, String what, Function<Fields, Optional<T>> reader) {
    List<T> out = new ArrayList<>();
    boolean required = min > 0 && !key.equals("phases");
    for (Fields.Item item : f.array(key, required, min, max, what)) {
      reader.apply(Fields.of(item.node(), item.path(), f.problems())).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<Signature> signature(Fields f) {
    Optional<KeyId> author =
        f.string("author", true, "an SS58 key id")
            .flatMap(
                a -> {
                  try {
                    return Optional.of(KeyId.parse(a));
                  } catch (IllegalArgumentException e) {
                    f.problems().add(f.at("author"), e.getMessage());
                    return Optional.empty();
                  }
                });
    Optional<KeyScheme> scheme =
        f.string("scheme", false, "ed25519 or sr25519")
            .flatMap(
                s -> {
                  try {
                    return Optional.of(KeyScheme.fromWireName(s));
                  } catch (IllegalArgumentException e) {
                    f.problems().add(f.at("scheme"), e.getMessage());
                    return Optional.empty();
                  }
                });
    Optional<String> sig =
        f.string("signature", true, "base64 of a 64-byte signature")
            .filter(
                s -> {
                  try {
                    if (Base64.getDecoder().decode(s).length == 64) {
                      return true;
                    }
                  } catch (IllegalArgumentException e) {
                    // reported below
                  }
                  f.problems()
                      .add(
                          f.at("signature"),
                          Problems.quote(s) + " (expected: base64 of a 64-byte signature)");
                  return false;
                });
    f.finish();
    return author.isPresent() && sig.isPresent()
        ? Optional.of(new Signature(author.get(), scheme.orElse(KeyScheme.ED25519), sig.get()))
        : Optional.empty();
  }
}

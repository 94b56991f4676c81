package io.aurelius.config.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.model.FramedText;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.Signature;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the structure of a module document, adding a problem for every member that is missing,
 * mistyped, over a limit or unknown. The parts a mechanic pack shares with configurations (state
 * declarations, actions, effects, observations, events) are checked later by the configuration's
 * own validation ({@link PackCheck}).
 */
final class ModuleReader {
  private static final Pattern HEX_ID = Pattern.compile("^[0-9a-f]{64}$");
  private static final Set<String> COMMON =
      Set.of("format", "kind", "name", "title", "description", "parent", "requires", "signature");
  private static final Set<String> PACK =
      Set.of("world", "agent_state", "actions", "dynamics", "observations", "events", "outcome");
  private static final Set<String> MEMORY = Set.of("memory_window", "summary", "older_header");
  private static final Set<String> FRAMING = Set.of("immersive", "control");

  private final JsonNode doc;
  private final List<ModuleProblem> problems;

  private ModuleReader(JsonNode doc, List<ModuleProblem> problems) {
    this.doc = doc;
    this.problems = problems;
  }

  static Optional<Module> read(JsonNode doc, List<ModuleProblem> problems) {
    if (!doc.isObject()) {
      problems.add(
          new ModuleProblem(
              ModuleReason.MALFORMED, "$", "not a JSON object (expected: a module document)"));
      return Optional.empty();
    }
    return new ModuleReader(doc, problems).read();
  }

  private Optional<Module> read() {
    String format = text("format", true, 1, 40).orElse("");
    if (doc.has("format") && !format.equals(ModuleLimits.FORMAT)) {
      malformed("$.format", "\"" + format + "\" (expected: \"" + ModuleLimits.FORMAT + "\")");
    }
    Optional<ModuleKind> kind =
        text("kind", true, 1, 40)
            .flatMap(
                k -> {
                  Optional<ModuleKind> found = ModuleKind.fromJson(k);
                  if (found.isEmpty()) {
                    malformed(
                        "$.kind",
                        "\"" + k + "\" (expected: mechanic_pack, memory_policy or framing_pack)");
                  }
                  return found;
                });
    String name = text("name", true, 1, 40).orElse("");
    if (doc.has("name") && !ModuleLimits.NAME.matcher(name).matches()) {
      malformed("$.name", "\"" + name + "\" (expected: " + ModuleLimits.NAME.pattern() + ")");
    } else if (name.equals(ModuleLimits.RESERVED_NAME)) {
      problems.add(
          new ModuleProblem(
              ModuleReason.NAME_COLLISION,
              "$.name",
              "\"host\" is reserved (expected: another name)"));
    }
    String title = text("title", true, 1, ModuleLimits.MAX_TITLE_CHARS).orElse("");
    text("description", false, 1, ModuleLimits.MAX_DESCRIPTION_CHARS);
    Optional<ContentId> parent =
        text("parent", false, 64, 64)
            .filter(
                p -> {
                  boolean ok = HEX_ID.matcher(p).matches();
                  if (!ok) {
                    malformed("$.parent", "\"" + p + "\" (expected: 64 lowercase hex digits)");
                  }
                  return ok;
                })
            .map(ContentId::parse);
    List<String> requires = requires();
    Optional<Signature> signature = signature();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Set<String> allowed = new HashSet<>(COMMON);
    allowed.addAll(
        switch (kind.get()) {
          case MECHANIC_PACK -> PACK;
          case MEMORY_POLICY -> MEMORY;
          case FRAMING_PACK -> FRAMING;
        });
    doc.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                malformed(
                    "$." + f,
                    "unknown field for a "
                        + kind.get().json()
                        + " (expected: one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed))
                        + ")");
              }
            });
    if (kind.get() != ModuleKind.MECHANIC_PACK && !requires.isEmpty()) {
      malformed("$.requires", "on a " + kind.get().json() + " (expected: only mechanic packs)");
    }
    ContentId id = ConfigDocuments.id(doc);
    ModuleInfo info = new ModuleInfo(kind.get(), name, title, parent, requires, id, doc, signature);
    Module module =
        switch (kind.get()) {
          case MECHANIC_PACK -> pack(info);
          case MEMORY_POLICY -> memory(info);
          case FRAMING_PACK -> framing(info);
        };
    signature.ifPresent(
        s -> {
          if (!ConfigDocuments.verifies(s, id)) {
            problems.add(
                new ModuleProblem(
                    ModuleReason.SIGNATURE,
                    "$.signature.signature",
                    "does not verify for "
                        + s.author().address()
                        + " (expected: a signature by the author over the id "
                        + id.hex()
                        + ")"));
          }
        });
    return Optional.of(module);
  }

  private MechanicPack pack(ModuleInfo info) {
    ObjectNode world = JsonNodeFactory.instance.objectNode();
    JsonNode w = doc.get("world");
    if (w != null) {
      if (!w.isObject() || !w.has("state") || w.size() != 1 || !w.get("state").isObject()) {
        malformed("$.world", "not {\"state\": {...}} (expected: {\"state\": {<var>: VarDecl}})");
      } else {
        world = (ObjectNode) w.get("state");
      }
    }
    ObjectNode agentState = object("agent_state");
    ArrayNode actions = array("actions", ModuleLimits.MAX_ACTIONS);
    ArrayNode dynamics = array("dynamics", ModuleLimits.MAX_DYNAMICS);
    ArrayNode observations = array("observations", ModuleLimits.MAX_OBSERVATIONS);
    ArrayNode events = array("events", ModuleLimits.MAX_EVENTS);
    count("$.world.state", world.size(), ModuleLimits.MAX_WORLD_VARS);
    count("$.agent_state", agentState.size(), ModuleLimits.MAX_AGENT_VARS);
    if (world.isEmpty() && agentState.isEmpty() && actions.isEmpty() && events.isEmpty()) {
      malformed("$", "an empty pack (expected: state, actions or events)");
    }
    Optional<OutcomeMap> outcome =
        doc.has("outcome")
            ? Optional.of(FragmentReader.read(doc.get("outcome"), problems))
            : Optional.empty();
    return new MechanicPack(
        info, world, agentState, actions, dynamics, observations, events, outcome);
  }

  private MemoryPolicy memory(ModuleInfo info) {
    int window = 0;
    JsonNode w = doc.get("memory_window");
    if (w == null || !w.canConvertToInt() || !w.isIntegralNumber()) {
      malformed(
          "$.memory_window",
          (w == null ? "missing" : w.toString())
              + " (expected: an integer 0.."
              + ModuleLimits.MAX_MEMORY_WINDOW
              + ")");
    } else if (w.intValue() < 0 || w.intValue() > ModuleLimits.MAX_MEMORY_WINDOW) {
      problems.add(
          new ModuleProblem(
              ModuleReason.LIMITS,
              "$.memory_window",
              w.intValue() + " (expected: 0.." + ModuleLimits.MAX_MEMORY_WINDOW + ")"));
    } else {
      window = w.intValue();
    }
    String summary = text("summary", true, 1, 40).orElse("none");
    MemoryPolicy.Summary s =
        switch (summary) {
          case "none" -> MemoryPolicy.Summary.NONE;
          case "first_person" -> MemoryPolicy.Summary.FIRST_PERSON;
          default -> {
            malformed("$.summary", "\"" + summary + "\" (expected: none or first_person)");
            yield MemoryPolicy.Summary.NONE;
          }
        };
    Optional<FramedText> header = Optional.empty();
    JsonNode h = doc.get("older_header");
    if (h != null) {
      Map<String, String> texts = phrases(h, "$.older_header", Set.of("immersive", "control"));
      if (texts.size() == 2) {
        header = Optional.of(new FramedText(texts.get("immersive"), texts.get("control")));
      } else {
        malformed("$.older_header", "incomplete (expected: {immersive, control})");
      }
    }
    return new MemoryPolicy(info, window, s, header);
  }

  private FramingPack framing(ModuleInfo info) {
    Set<String> names = new HashSet<>();
    for (FramingPack.Phrase p : FramingPack.Phrase.values()) {
      names.add(p.json());
    }
    Map<FramingPack.Phrase, String> immersive = new EnumMap<>(FramingPack.Phrase.class);
    Map<FramingPack.Phrase, String> control = new EnumMap<>(FramingPack.Phrase.class);
    for (String framing : List.of("immersive", "control")) {
      JsonNode node = doc.get(framing);
      if (node == null) {
        continue;
      }
      Map<FramingPack.Phrase, String> into = framing.equals("immersive") ? immersive : control;
      phrases(node, "$." + framing, names)
          .forEach(
              (k, v) -> {
                for (FramingPack.Phrase p : FramingPack.Phrase.values()) {
                  if (p.json().equals(k)) {
                    into.put(p, v);
                  }
                }
              });
    }
    if (immersive.isEmpty() && control.isEmpty()) {
      malformed("$", "no phrase (expected: immersive and/or control phrases)");
    }
    return new FramingPack(info, immersive, control);
  }

  private Map<String, String> phrases(JsonNode node, String path, Set<String> allowed) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (!node.isObject()) {
      malformed(path, node.getNodeType() + " (expected: an object of phrases)");
      return out;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              String p = path + "." + e.getKey();
              if (!allowed.contains(e.getKey())) {
                malformed(
                    p,
                    "unknown phrase (expected: one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed))
                        + ")");
              } else if (!e.getValue().isTextual()
                  || e.getValue().textValue().isBlank()
                  || e.getValue().textValue().length() > ModuleLimits.MAX_PHRASE_CHARS) {
                malformed(
                    p,
                    "not a text of 1.."
                        + ModuleLimits.MAX_PHRASE_CHARS
                        + " characters (expected: text)");
              } else {
                out.put(e.getKey(), e.getValue().textValue());
              }
            });
    return out;
  }

  private List<String> requires() {
    List<String> out = new ArrayList<>();
    JsonNode r = doc.get("requires");
    if (r == null) {
      return out;
    }
    if (!r.isArray()) {
      malformed("$.requires", r.getNodeType() + " (expected: an array of pack names)");
      return out;
    }
    count("$.requires", r.size(), ModuleLimits.MAX_REQUIRES);
    for (int i = 0; i < r.size(); i++) {
      JsonNode n = r.get(i);
      if (!n.isTextual() || !ModuleLimits.NAME.matcher(n.textValue()).matches()) {
        malformed("$.requires[" + i + "]", n + " (expected: " + ModuleLimits.NAME.pattern() + ")");
      } else if (out.contains(n.textValue())) {
        malformed("$.requires[" + i + "]", n + " repeated (expected: distinct names)");
      } else {
        out.add(n.textValue());
      }
    }
    return out;
  }

  private Optional<Signature> signature() {
    JsonNode s = doc.get("signature");
    if (s == null) {
      return Optional.empty();
    }
    try {
      KeyId author = KeyId.parse(s.path("author").asText());
      KeyScheme scheme =
          s.has("scheme") ? KeyScheme.fromWireName(s.get("scheme").asText()) : KeyScheme.ED25519;
      String sig = s.path("signature").asText();
      if (Base64.getDecoder().decode(sig).length != 64 || s.size() > 3) {
        throw new IllegalArgumentException("not 64 bytes");
      }
      return Optional.of(new Signature(author, scheme, sig));
    } catch (IllegalArgumentException e) {
      problems.add(
          new ModuleProblem(
              ModuleReason.SIGNATURE,
              "$.signature",
              e.getMessage() + " (expected: {author, scheme?, signature: base64 of 64 bytes})"));
      return Optional.empty();
    }
  }

  private ObjectNode object(String key) {
    JsonNode n = doc.get(key);
    if (n == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!n.isObject()) {
      malformed("$." + key, n.getNodeType() + " (expected: an object)");
      return JsonNodeFactory.instance.objectNode();
    }
    return (ObjectNode) n;
  }

  private ArrayNode array(String key, int max) {
    JsonNode n = doc.get(key);
    if (n == null) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!n.isArray()) {
      malformed("$." + key, n.getNodeType() + " (expected: an array)");
      return JsonNodeFactory.instance.arrayNode();
    }
    count("$." + key, n.size(), max);
    return (ArrayNode) n;
  }

  private void count(String path, int size, int max) {
    if (size > max) {
      problems.add(
          new ModuleProblem(
              ModuleReason.LIMITS, path, size + " entries (expected: at most " + max + ")"));
    }
  }

  private Optional<String> text(String key, boolean required, int min, int max) {
    JsonNode n = doc.get(key);
    if (n == null) {
      if (required) {
        malformed("$." + key, "missing (expected: text of " + min + ".." + max + " characters)");
      }
      return Optional.empty();
    }
    if (!n.isTextual() || n.textValue().length() < min || n.textValue().length() > max) {
      malformed("$." + key, n + " (expected: text of " + min + ".." + max + " characters)");
      return Optional.empty();
    }
    return Optional.of(n.textValue());
  }

  private void malformed(String path, String message) {
    problems.add(new ModuleProblem(ModuleReason.MALFORMED, path, message));
  }
}

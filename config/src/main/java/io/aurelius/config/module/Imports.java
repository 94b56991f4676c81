package io.aurelius.config.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.core.hash.ContentId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a configuration with {@code imports} into a plain configuration: each imported mechanic
 * pack (and every pack it requires, first) is merged in (world variables, every agent's variables,
 * actions, dynamics, observations, events, in import order after the configuration's own); {@code
 * with} sets initial values of the pack's variables; a memory policy sets {@code memory_window}.
 * The string value list {@code ["$agents"]} in a pack action's parameter becomes the agents' names.
 * Packs' outcome fragments are merged into the compiled configuration's outcome map by {@code
 * ConfigLoader} ({@link io.aurelius.config.outcome.OutcomeFragments}), which needs the derived map
 * of the merged configuration.
 */
public final class Imports {
  public static final String MEMBER = "imports";
  public static final String AGENTS_PLACEHOLDER = "$agents";
  public static final int MAX_IMPORTS = 8;
  private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}$");

  private Imports() {}

  /** The plain document and what it used. */
  public record Expansion(ObjectNode document, ModuleUse use) {}

  public static Optional<Expansion> expand(
      JsonNode config, ModuleSet adopted, List<ModuleProblem> problems) {
    ObjectNode doc = ConfigDocuments.unsigned(config);
    JsonNode imports = doc.remove(MEMBER);
    if (imports == null) {
      return Optional.of(new Expansion(doc, ModuleUse.of(adopted.version())));
    }
    if (!imports.isArray() || imports.isEmpty() || imports.size() > MAX_IMPORTS) {
      problems.add(
          new ModuleProblem(
              imports.isArray() && imports.size() > MAX_IMPORTS
                  ? ModuleReason.LIMITS
                  : ModuleReason.MALFORMED,
              "$.imports",
              imports.getNodeType()
                  + " of "
                  + imports.size()
                  + " (expected: an array of 1.."
                  + MAX_IMPORTS
                  + " {module, with?})"));
      return Optional.empty();
    }
    int before = problems.size();
    List<MechanicPack> packs = new ArrayList<>();
    Map<String, JsonNode> withs = new LinkedHashMap<>();
    Optional<MemoryPolicy> memory = Optional.empty();
    Optional<FramingPack> framing = Optional.empty();
    for (int i = 0; i < imports.size(); i++) {
      String path = "$.imports[" + i + "]";
      Optional<Module> m = imported(imports.get(i), path, adopted, problems);
      if (m.isEmpty()) {
        continue;
      }
      if (m.get() instanceof MechanicPack pack) {
        Set<String> chain = new LinkedHashSet<>();
        withRequirements(pack, adopted, packs, chain, path, problems);
        JsonNode with = imports.get(i).get("with");
        if (with != null) {
          withs.put(pack.name(), with);
        }
      } else if (m.get() instanceof MemoryPolicy p) {
        memory = once(memory, p, path, problems);
      } else if (m.get() instanceof FramingPack f) {
        framing = once(framing, f, path, problems);
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    collisions(doc, packs, problems);
    for (MechanicPack pack : packs) {
      ObjectNode with = withs.containsKey(pack.name()) ? (ObjectNode) withs.get(pack.name()) : null;
      merge(doc, pack, with, indexOf(imports, pack), problems);
    }
    memory.ifPresent(p -> doc.put("memory_window", p.memoryWindow()));
    if (problems.size() > before) {
      return Optional.empty();
    }
    List<Module> used = new ArrayList<>(packs);
    memory.ifPresent(used::add);
    framing.ifPresent(used::add);
    return Optional.of(new Expansion(doc, new ModuleUse(adopted.version(), used, memory, framing)));
  }

  /** A copy of pack actions with {@code ["$agents"]} value lists replaced by {@code agents}. */
  static ArrayNode withAgentNames(ArrayNode actions, List<String> agents) {
    ArrayNode out = actions.deepCopy();
    for (JsonNode action : out) {
      JsonNode params = action.path("parameters");
      params.forEach(
          p -> {
            JsonNode values = p.get("values");
            if (values != null
                && values.size() == 1
                && AGENTS_PLACEHOLDER.equals(values.get(0).asText())) {
              ArrayNode names = ((ObjectNode) p).putArray("values");
              agents.forEach(names::add);
            }
          });
    }
    return out;
  }

  private static Optional<Module> imported(
      JsonNode entry, String path, ModuleSet adopted, List<ModuleProblem> problems) {
    if (!entry.isObject()
        || !entry.path("module").isTextual()
        || !HEX.matcher(entry.path("module").asText()).matches()
        || (entry.has("with") && !entry.get("with").isObject())
        || entry.size() > (entry.has("with") ? 2 : 1)) {
      problems.add(
          new ModuleProblem(
              ModuleReason.MALFORMED,
              path,
              entry + " (expected: {\"module\": \"<64 hex id>\", \"with\"?: {<var>: value}})"));
      return Optional.empty();
    }
    ContentId id = ContentId.parse(entry.get("module").asText());
    Optional<Module> found = adopted.find(id);
    Optional<Module> current = found.flatMap(m -> adopted.current(m.name()));
    if (found.isEmpty() || !current.get().id().equals(id)) {
      problems.add(
          new ModuleProblem(
              ModuleReason.NOT_ADOPTED,
              path + ".module",
              id.hex()
                  + (found.isPresent() ? " was replaced by " + current.get().id().hex() : "")
                  + " (expected: a current module of world model "
                  + adopted.version()
                  + ")"));
      return Optional.empty();
    }
    if (entry.has("with") && !(found.get() instanceof MechanicPack)) {
      problems.add(
          new ModuleProblem(
              ModuleReason.MALFORMED, path + ".with", "present (expected: only for a pack)"));
    }
    return found;
  }

  private static void withRequirements(
      MechanicPack pack,
      ModuleSet adopted,
      List<MechanicPack> into,
      Set<String> chain,
      String path,
      List<ModuleProblem> problems) {
    if (into.stream().anyMatch(p -> p.name().equals(pack.name()))) {
      return;
    }
    if (!chain.add(pack.name())) {
      problems.add(
          new ModuleProblem(
              ModuleReason.IMPORT_LOOP,
              path,
              String.join(" -> ", chain)
                  + " -> "
                  + pack.name()
                  + " (expected: requirements that do not lead back)"));
      return;
    }
    for (String name : pack.info().requires()) {
      Optional<Module> r = adopted.current(name);
      if (r.isPresent() && r.get() instanceof MechanicPack p) {
        withRequirements(p, adopted, into, chain, path, problems);
      } else {
        problems.add(
            new ModuleProblem(
                ModuleReason.NOT_ADOPTED,
                path,
                pack.name()
                    + " requires \""
                    + name
                    + "\" (expected: an adopted mechanic pack of world model "
                    + adopted.version()
                    + ")"));
      }
    }
    chain.remove(pack.name());
    into.add(pack);
  }

  private static <T extends Module> Optional<T> once(
      Optional<T> already, T next, String path, List<ModuleProblem> problems) {
    if (already.isPresent()) {
      problems.add(
          new ModuleProblem(
              ModuleReason.ONE_PER_KIND,
              path,
              "a second " + next.kind().json() + " (expected: at most one per configuration)"));
      return already;
    }
    return Optional.of(next);
  }

  /** A configuration may not declare anything in an imported pack's namespace. */
  private static void collisions(
      ObjectNode doc, List<MechanicPack> packs, List<ModuleProblem> problems) {
    Map<String, String> declared = new LinkedHashMap<>();
    doc.path("world")
        .path("state")
        .fieldNames()
        .forEachRemaining(n -> declared.put(n, "$.world.state." + n));
    JsonNode agents = doc.path("agents");
    for (int i = 0; i < agents.size(); i++) {
      String p = "$.agents[" + i + "].state.";
      agents.get(i).path("state").fieldNames().forEachRemaining(n -> declared.put(n, p + n));
    }
    named(doc.path("actions"), "$.actions", declared);
    named(doc.path("events"), "$.events", declared);
    for (MechanicPack pack : packs) {
      declared.forEach(
          (name, path) -> {
            if (name.startsWith(pack.prefix())) {
              problems.add(
                  new ModuleProblem(
                      ModuleReason.NAME_COLLISION,
                      path,
                      "\""
                          + name
                          + "\" is in the namespace of the imported pack "
                          + pack.name()
                          + " (expected: a name not starting with \""
                          + pack.prefix()
                          + "\")"));
            }
          });
    }
  }

  private static void named(JsonNode list, String path, Map<String, String> into) {
    for (int i = 0; i < list.size(); i++) {
      String name = list.get(i).path("name").asText("");
      into.put(name, path + "[" + i + "].name");
    }
  }

  private static void merge(
      ObjectNode doc, MechanicPack pack, ObjectNode with, int index, List<ModuleProblem> problems) {
    ObjectNode world = pack.worldState().deepCopy();
    ObjectNode agentState = pack.agentState().deepCopy();
    if (with != null) {
      with.fields()
          .forEachRemaining(
              e -> {
                ObjectNode target =
                    world.has(e.getKey())
                        ? (ObjectNode) world.get(e.getKey())
                        : agentState.has(e.getKey())
                            ? (ObjectNode) agentState.get(e.getKey())
                            : null;
                if (target == null) {
                  problems.add(
                      new ModuleProblem(
                          ModuleReason.UNDECLARED_STATE,
                          "$.imports[" + index + "].with." + e.getKey(),
                          "not a variable of "
                              + pack.name()
                              + " (expected: one of its world or agent variables)"));
                } else {
                  target.set("initial", e.getValue().deepCopy());
                }
              });
    }
    ObjectNode worldNode =
        doc.has("world") && doc.get("world").isObject()
            ? (ObjectNode) doc.get("world")
            : doc.putObject("world");
    ObjectNode state =
        worldNode.has("state") && worldNode.get("state").isObject()
            ? (ObjectNode) worldNode.get("state")
            : worldNode.putObject("state");
    state.setAll(world);
    List<String> names = new ArrayList<>();
    for (JsonNode agent : doc.path("agents")) {
      names.add(agent.path("name").asText());
      if (!agentState.isEmpty() && agent.isObject()) {
        ObjectNode a = (ObjectNode) agent;
        ObjectNode s =
            a.has("state") && a.get("state").isObject()
                ? (ObjectNode) a.get("state")
                : a.putObject("state");
        s.setAll(agentState.deepCopy());
      }
    }
    append(doc, "actions", withAgentNames(pack.actions(), names));
    append(doc, "dynamics", pack.dynamics());
    append(doc, "observations", pack.observations());
    append(doc, "events", pack.events());
  }

  private static void append(ObjectNode doc, String key, ArrayNode items) {
    if (items.isEmpty()) {
      return;
    }
    ArrayNode list =
        doc.has(key) && doc.get(key).isArray() ? (ArrayNode) doc.get(key) : doc.putArray(key);
    items.forEach(i -> list.add(i.deepCopy()));
  }

  private static int indexOf(JsonNode imports, MechanicPack pack) {
    for (int i = 0; i < imports.size(); i++) {
      if (pack.id().hex().equals(imports.get(i).path("module").asText())) {
        return i;
      }
    }
    return -1;
  }
}

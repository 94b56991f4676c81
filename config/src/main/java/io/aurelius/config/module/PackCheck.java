package io.aurelius.config.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.ValidationReport;
import io.aurelius.config.lint.Finding;
import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.validation.Problem;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a mechanic pack in the configuration's own sandbox: the pack is placed in a small host
 * configuration that declares only the pack's state and that of the packs it requires, and the host
 * is validated like any configuration, so every CEL expression and template is compiled and
 * type-checked, and any read of state the pack does not declare or require fails. Writes are
 * further limited to the pack's own namespace, its outcome fragment may name only its own numeric
 * variables and events, and the pack's immersive text is linted.
 */
final class PackCheck {
  static final List<String> HOST_AGENTS = List.of("hosta", "hostb");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Pattern TARGET =
      Pattern.compile("^(?:world|self|agents\\.[a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*)$");
  private static final Pattern AGENT_PATH = Pattern.compile("^\\$\\.agents\\[0\\]\\.state");
  private static final OpacityLint LINT = OpacityLint.bundled();

  private PackCheck() {}

  static void check(MechanicPack pack, List<MechanicPack> required, List<ModuleProblem> out) {
    namespace(pack, out);
    writes(pack, out);
    pack.outcome().ifPresent(fragment -> FragmentCheck.check(pack, fragment, out));
    ObjectNode host = host(pack, required);
    ValidationReport report = ConfigLoader.validate(host);
    for (Problem p : report.problems()) {
      if (p.path().startsWith("$.agents[1]")) {
        continue; // the same as agents[0]
      }
      out.add(new ModuleProblem(classify(p), packPath(p.path()), p.message()));
    }
    if (report.config().isPresent()) {
      for (Finding f : LINT.check(report.config().get().config())) {
        if (f.path().startsWith("$.agents[1]")
            || (f.path().startsWith("$.agents[") && !f.path().contains(".state"))
            || f.path().startsWith("$.framings")) {
          continue;
        }
        out.add(new ModuleProblem(ModuleReason.OPACITY, packPath(f.path()), f.toString()));
      }
    } else if (report.problems().isEmpty()) {
      // cannot happen: an invalid report has problems
      out.add(new ModuleProblem(ModuleReason.MALFORMED, "$", "not checkable (expected: a pack)"));
    }
  }

  /** The host configuration the pack is checked in. */
  static ObjectNode host(MechanicPack pack, List<MechanicPack> required) {
    ObjectNode host = F.objectNode();
    host.put("format", "aurelius.config/1").put("name", "host_check").put("title", "module check");
    host.putObject("labels").put("tension_archetype", "module_check").put("domain", "module_check");
    ObjectNode world = host.putObject("world").putObject("state");
    ObjectNode agentState = F.objectNode();
    for (MechanicPack r : required) {
      world.setAll(r.worldState());
      agentState.setAll(r.agentState());
    }
    world.setAll(pack.worldState());
    agentState.setAll(pack.agentState());
    ArrayNode agents = host.putArray("agents");
    for (String name : HOST_AGENTS) {
      ObjectNode a = agents.addObject();
      a.put("name", name)
          .put("identity", "I live here and know my neighbours.")
          .put("goal", "I want to get through the season well.");
      if (!agentState.isEmpty()) {
        a.set("state", agentState.deepCopy());
      }
    }
    ArrayNode actions = Imports.withAgentNames(pack.actions(), HOST_AGENTS);
    if (actions.isEmpty()) {
      ObjectNode wait = actions.addObject();
      wait.put("name", "host_wait").putArray("actors").add("*");
      wait.putObject("narration").put("immersive", "A quiet moment.").put("control", "Wait.");
      wait.put("visibility", "self");
    }
    host.set("actions", actions);
    if (!pack.dynamics().isEmpty()) {
      host.set("dynamics", pack.dynamics());
    }
    if (!pack.observations().isEmpty()) {
      host.set("observations", pack.observations());
    }
    if (!pack.events().isEmpty()) {
      host.set("events", pack.events());
    }
    host.putObject("termination").put("max_steps", 50);
    host.put("memory_window", 0);
    ObjectNode framings = host.putObject("framings");
    framings.putObject("immersive").put("premise", "It is an ordinary day.");
    framings.putObject("control").put("premise", "A multi-player game.");
    return host;
  }

  private static void namespace(MechanicPack pack, List<ModuleProblem> out) {
    String prefix = pack.prefix();
    pack.worldState()
        .fieldNames()
        .forEachRemaining(n -> named(n, prefix, "$.world.state." + n, out));
    pack.agentState()
        .fieldNames()
        .forEachRemaining(n -> named(n, prefix, "$.agent_state." + n, out));
    for (int i = 0; i < pack.actions().size(); i++) {
      JsonNode a = pack.actions().get(i);
      named(a.path("name").asText(), prefix, "$.actions[" + i + "].name", out);
      JsonNode actors = a.get("actors");
      if (actors != null && !(actors.size() == 1 && "*".equals(actors.get(0).asText()))) {
        out.add(
            new ModuleProblem(
                ModuleReason.MALFORMED,
                "$.actions[" + i + "].actors",
                actors + " (expected: [\"*\"]; a pack does not know the agents' names)"));
      }
      if (a.has("phases")) {
        out.add(
            new ModuleProblem(
                ModuleReason.MALFORMED,
                "$.actions[" + i + "].phases",
                "present (expected: none; a pack does not know the phases)"));
      }
    }
    for (int i = 0; i < pack.events().size(); i++) {
      named(pack.events().get(i).path("name").asText(), prefix, "$.events[" + i + "].name", out);
    }
  }

  private static void named(String name, String prefix, String path, List<ModuleProblem> out) {
    if (!name.startsWith(prefix) || name.length() == prefix.length()) {
      out.add(
          new ModuleProblem(
              ModuleReason.NAMESPACE,
              path,
              "\"" + name + "\" (expected: a name starting with \"" + prefix + "\")"));
    }
  }

  /** No effect or draw of the pack may change state outside its namespace. */
  private static void writes(MechanicPack pack, List<ModuleProblem> out) {
    for (int i = 0; i < pack.actions().size(); i++) {
      JsonNode a = pack.actions().get(i);
      String p = "$.actions[" + i + "]";
      effects(a.path("effects"), p + ".effects", pack, out);
      JsonNode draw = a.path("draw");
      for (String key : List.of("from", "into")) {
        if (draw.has(key)) {
          target(draw.get(key).asText(), p + ".draw." + key, pack, out);
        }
      }
    }
    effects(pack.dynamics(), "$.dynamics", pack, out);
    for (int i = 0; i < pack.events().size(); i++) {
      effects(pack.events().get(i).path("effects"), "$.events[" + i + "].effects", pack, out);
    }
  }

  private static void effects(
      JsonNode effects, String path, MechanicPack pack, List<ModuleProblem> out) {
    for (int i = 0; i < effects.size(); i++) {
      JsonNode set = effects.get(i).path("set");
      if (set.isTextual()) {
        target(set.textValue(), path + "[" + i + "].set", pack, out);
      }
    }
  }

  private static void target(String text, String path, MechanicPack pack, List<ModuleProblem> out) {
    var m = TARGET.matcher(text);
    if (m.matches() && !m.group(1).startsWith(pack.prefix())) {
      out.add(
          new ModuleProblem(
              ModuleReason.UNDECLARED_STATE,
              path,
              "\""
                  + text
                  + "\" writes state the pack does not own (expected: a variable named "
                  + pack.prefix()
                  + "...)"));
    }
  }

  private static ModuleReason classify(Problem p) {
    String m = p.message();
    if (m.contains("is not available here")
        || m.contains("(expected: a declared world variable")
        || m.contains("(expected: a variable every possible")
        || m.contains("(expected: a variable of")
        || m.contains("names no agent")
        || m.matches("^'[a-z0-9_.]+' \\(expected: one of .*")) {
      return ModuleReason.UNDECLARED_STATE;
    }
    if (m.contains("(expected: at most") || m.contains("bytes (expected")) {
      return ModuleReason.LIMITS;
    }
    String path = p.path();
    if (path.matches(".*\\.(precondition|when|to|amount|immersive|control)(@\\d+)?$")
        || path.contains("@")) {
      return ModuleReason.CEL;
    }
    return ModuleReason.MALFORMED;
  }

  private static String packPath(String hostPath) {
    return AGENT_PATH.matcher(hostPath).replaceFirst("\\$.agent_state");
  }
}

package io.aurelius.config.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.OutcomeMap;
import java.util.List;
import java.util.Set;

/**
 * A pack's outcome fragment may name only what the pack itself declares: each term a numeric
 * variable of its own (agent variables for {@code utility} and {@code life}, world variables for
 * the {@code world_} lists), each failure one of its events, each floor one of its numeric
 * variables. A name outside {@code <name>_} is {@link ModuleReason#NAMESPACE} (even a required
 * pack's: that pack's fragment speaks for it); a name in the namespace the pack does not declare is
 * {@link ModuleReason#UNDECLARED_STATE}.
 */
final class FragmentCheck {
  private static final Set<String> NUMERIC = Set.of("int", "double");

  private FragmentCheck() {}

  static void check(MechanicPack pack, OutcomeMap fragment, List<ModuleProblem> out) {
    terms(pack, fragment.utility(), "utility", pack.agentState(), out);
    terms(pack, fragment.worldUtility(), "world_utility", pack.worldState(), out);
    terms(pack, fragment.life(), "life", pack.agentState(), out);
    terms(pack, fragment.worldLife(), "world_life", pack.worldState(), out);
    for (String event : fragment.failures().keySet()) {
      String path = "$.outcome.failures." + event;
      if (named(pack, event, path, out) && !declaresEvent(pack, event)) {
        out.add(
            new ModuleProblem(
                ModuleReason.UNDECLARED_STATE,
                path,
                "\""
                    + event
                    + "\" names no event of "
                    + pack.name()
                    + " (expected: one of the pack's events)"));
      }
    }
    List<OutcomeMap.Floor> floors = fragment.irreversible();
    for (int i = 0; i < floors.size(); i++) {
      String var = floors.get(i).var();
      boolean world = var.startsWith("world.");
      String name = var.substring(world ? 6 : 5);
      String path = "$.outcome.irreversible[" + i + "].var";
      if (named(pack, name, path, out)) {
        declared(pack, name, world ? pack.worldState() : pack.agentState(), world, path, out);
      }
    }
  }

  private static void terms(
      MechanicPack pack,
      List<OutcomeMap.Term> terms,
      String key,
      ObjectNode state,
      List<ModuleProblem> out) {
    boolean world = key.startsWith("world_");
    for (int i = 0; i < terms.size(); i++) {
      String path = "$.outcome." + key + "[" + i + "]";
      String name = terms.get(i).var();
      if (named(pack, name, path, out)) {
        declared(pack, name, state, world, path, out);
      }
    }
  }

  private static boolean named(
      MechanicPack pack, String name, String path, List<ModuleProblem> out) {
    if (name.startsWith(pack.prefix()) && name.length() > pack.prefix().length()) {
      return true;
    }
    out.add(
        new ModuleProblem(
            ModuleReason.NAMESPACE,
            path,
            "\""
                + name
                + "\" is outside the pack's namespace (expected: a name starting with \""
                + pack.prefix()
                + "\")"));
    return false;
  }

  private static void declared(
      MechanicPack pack,
      String name,
      ObjectNode state,
      boolean world,
      String path,
      List<ModuleProblem> out) {
    JsonNode decl = state.get(name);
    String kind = world ? "world" : "agent";
    if (decl == null) {
      out.add(
          new ModuleProblem(
              ModuleReason.UNDECLARED_STATE,
              path,
              "\""
                  + name
                  + "\" names no "
                  + kind
                  + " variable of "
                  + pack.name()
                  + " (expected: a declared int or double "
                  + kind
                  + " variable of the pack)"));
    } else if (!NUMERIC.contains(decl.path("type").asText())) {
      out.add(
          new ModuleProblem(
              ModuleReason.MALFORMED,
              path,
              "\""
                  + name
                  + "\" is a "
                  + decl.path("type").asText()
                  + " variable (expected: int or double)"));
    }
  }

  private static boolean declaresEvent(MechanicPack pack, String event) {
    for (JsonNode e : pack.events()) {
      if (event.equals(e.path("name").asText())) {
        return true;
      }
    }
    return false;
  }
}

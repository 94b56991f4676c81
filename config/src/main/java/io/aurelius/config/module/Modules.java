package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads untrusted module documents and checks them against an adopted set: structure and limits,
 * namespace, the configuration sandbox (CEL, templates, declared state), opacity, signature, then
 * name collisions, requirements that are not adopted, and requirement loops. Each problem carries a
 * {@link ModuleReason} code.
 */
public final class Modules {
  private Modules() {}

  public static ModuleReport validate(byte[] bytes, ModuleSet adopted) {
    requireNonNull(bytes, "bytes");
    if (bytes.length > ModuleLimits.MAX_DOCUMENT_BYTES) {
      return refused(
          ModuleReason.LIMITS,
          bytes.length + " bytes (expected: at most " + ModuleLimits.MAX_DOCUMENT_BYTES + ")");
    }
    Optional<String> encoding = Utf8.problem(bytes);
    if (encoding.isPresent()) {
      return refused(ModuleReason.MALFORMED, encoding.get());
    }
    try {
      return validate(Json.parse(bytes, "$", ModuleLimits.JSON), adopted);
    } catch (JsonInputException e) {
      String m = e.getMessage().startsWith("$: ") ? e.getMessage().substring(3) : e.getMessage();
      return refused(ModuleReason.MALFORMED, m);
    }
  }

  public static ModuleReport validate(JsonNode document, ModuleSet adopted) {
    requireNonNull(document, "document");
    requireNonNull(adopted, "adopted");
    List<ModuleProblem> problems = new ArrayList<>();
    Optional<Module> read = ModuleReader.read(document, problems);
    if (read.isEmpty()) {
      return new ModuleReport(problems, Optional.empty());
    }
    Module module = read.get();
    collision(module, adopted, problems);
    List<MechanicPack> required = requirements(module, adopted, problems);
    loops(module, adopted, problems);
    if (module instanceof MechanicPack pack && problems.isEmpty()) {
      PackCheck.check(pack, required, problems);
    } else if (module instanceof MemoryPolicy policy) {
      policy
          .olderHeader()
          .ifPresent(h -> Opacity.check(h.immersive(), "$.older_header.immersive", problems));
    } else if (module instanceof FramingPack framing) {
      framing.immersive().forEach((k, v) -> Opacity.check(v, "$.immersive." + k.json(), problems));
    }
    return new ModuleReport(problems, Optional.of(module));
  }

  /**
   * A module read from a record that embeds it (a transcript): structure only, no adopted set;
   * throws with every problem on one line.
   */
  public static Module read(JsonNode document, String what) {
    List<ModuleProblem> problems = new ArrayList<>();
    Optional<Module> m = ModuleReader.read(document, problems);
    if (!problems.isEmpty() || m.isEmpty()) {
      throw new IllegalArgumentException(what + ": " + problems);
    }
    return m.get();
  }

  private static void collision(Module module, ModuleSet adopted, List<ModuleProblem> out) {
    adopted
        .current(module.name())
        .filter(c -> !c.id().equals(module.id()))
        .filter(c -> module.info().parent().map(p -> !p.equals(c.id())).orElse(true))
        .ifPresent(
            c ->
                out.add(
                    new ModuleProblem(
                        ModuleReason.NAME_COLLISION,
                        "$.name",
                        "\""
                            + module.name()
                            + "\" is the adopted module "
                            + c.id().hex()
                            + " (expected: a new name, or a fork whose parent is that id)")));
  }

  private static List<MechanicPack> requirements(
      Module module, ModuleSet adopted, List<ModuleProblem> out) {
    List<MechanicPack> packs = new ArrayList<>();
    List<String> requires = module.info().requires();
    for (int i = 0; i < requires.size(); i++) {
      Optional<Module> r = adopted.current(requires.get(i));
      if (r.isPresent() && r.get() instanceof MechanicPack p && !p.name().equals(module.name())) {
        packs.add(p);
      } else if (!requires.get(i).equals(module.name())) {
        out.add(
            new ModuleProblem(
                ModuleReason.NOT_ADOPTED,
                "$.requires[" + i + "]",
                "\""
                    + requires.get(i)
                    + "\" (expected: an adopted mechanic pack of world model "
                    + adopted.version().number()
                    + ")"));
      }
    }
    return packs;
  }

  /** Following requirements by name, with this module in place of its namespace, must end. */
  private static void loops(Module module, ModuleSet adopted, List<ModuleProblem> out) {
    List<String> path = new ArrayList<>();
    path.add(module.name());
    if (leadsBack(module.info().requires(), module, adopted, path)) {
      out.add(
          new ModuleProblem(
              ModuleReason.IMPORT_LOOP,
              "$.requires",
              String.join(" -> ", path) + " (expected: requirements that do not lead back)"));
    }
  }

  private static boolean leadsBack(
      List<String> requires, Module module, ModuleSet adopted, List<String> path) {
    for (String name : requires) {
      if (name.equals(module.name())) {
        path.add(name);
        return true;
      }
      if (path.contains(name) || path.size() > 64) {
        continue;
      }
      Optional<Module> next = adopted.current(name);
      if (next.isEmpty()) {
        continue;
      }
      path.add(name);
      if (leadsBack(next.get().info().requires(), module, adopted, path)) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }

  private static ModuleReport refused(ModuleReason reason, String message) {
    return new ModuleReport(List.of(new ModuleProblem(reason, "$", message)), Optional.empty());
  }
}

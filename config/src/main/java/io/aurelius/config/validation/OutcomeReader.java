package io.aurelius.config.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Event;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.ValueType;
import io.aurelius.config.model.VarDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the optional {@code outcome} member (the ULFR outcome map) and checks it against the
 * declared state, agents and events: every term a numeric variable that exists, every group member
 * an agent in one group only, every failure an event with a harm in (0, 1].
 */
final class OutcomeReader {
  static final int MAX_TERMS = 32;

  private OutcomeReader() {}

  static Optional<OutcomeMap> read(
      Fields doc, Map<String, VarDecl> world, List<Agent> agents, List<Event> events) {
    Optional<Fields> maybe =
        doc.object(
            "outcome",
            false,
            "{utility, world_utility, life, world_life, groups, failures, irreversible}");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Problems p = f.problems();
    List<OutcomeMap.Term> utility = terms(f, "utility", p, name -> agentVar(agents, name));
    List<OutcomeMap.Term> worldUtility =
        terms(f, "world_utility", p, name -> Optional.ofNullable(world.get(name)));
    List<OutcomeMap.Term> life = terms(f, "life", p, name -> agentVar(agents, name));
    List<OutcomeMap.Term> worldLife =
        terms(f, "world_life", p, name -> Optional.ofNullable(world.get(name)));
    Map<String, List<String>> groups = groups(f, agents);
    Map<String, Double> failures = failures(f, events);
    List<OutcomeMap.Floor> floors = floors(f, world, agents);
    f.finish();
    return Optional.of(
        new OutcomeMap(utility, worldUtility, life, worldLife, groups, failures, floors));
  }

  private static Optional<VarDecl> agentVar(List<Agent> agents, String name) {
    return agents.stream()
        .map(a -> a.state().get(name))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  private static boolean numeric(VarDecl v) {
    return v.type() == ValueType.INT || v.type() == ValueType.DOUBLE;
  }

  private static List<OutcomeMap.Term> terms(
      Fields f,
      String key,
      Problems p,
      java.util.function.Function<String, Optional<VarDecl>> var) {
    List<OutcomeMap.Term> out = new ArrayList<>();
    for (Fields.Item item : f.array(key, false, 0, MAX_TERMS, "variable names")) {
      Optional<String> text =
          Check.string(
              item.node(), item.path(), p, "a variable name, '-' first if lower is better");
      if (text.isEmpty()) {
        continue;
      }
      OutcomeMap.Term t = OutcomeMap.Term.parse(text.get());
      Optional<VarDecl> decl = var.apply(t.var());
      if (decl.isEmpty()) {
        p.add(
            item.path(),
            Problems.quote(t.var())
                + " names no "
                + (key.startsWith("world") ? "world" : "agent")
                + " variable (expected: a declared int or double variable)");
      } else if (!numeric(decl.get())) {
        p.add(
            item.path(),
            Problems.quote(t.var())
                + " is a "
                + decl.get().type().name().toLowerCase(java.util.Locale.ROOT)
                + " variable (expected: int or double)");
      } else {
        out.add(t);
      }
    }
    return out;
  }

  private static Map<String, List<String>> groups(Fields f, List<Agent> agents) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    agents.forEach(a -> names.add(a.name()));
    Set<String> placed = new HashSet<>();
    for (Fields.Entry e : f.map("groups", false, MAX_TERMS, "arrays of agent names")) {
      List<String> members = new ArrayList<>();
      if (!e.node().isArray() || e.node().isEmpty()) {
        f.problems()
            .add(
                e.path(),
                Problems.kind(e.node())
                    + " "
                    + Problems.show(e.node())
                    + " (expected: a non-empty array of agent names)");
        continue;
      }
      for (int i = 0; i < e.node().size(); i++) {
        JsonNode m = e.node().get(i);
        String path = Problems.index(e.path(), i);
        Optional<String> name = Check.string(m, path, f.problems(), "an agent name");
        if (name.isEmpty()) {
          continue;
        }
        if (!names.contains(name.get())) {
          f.problems().add(path, Problems.quote(name.get()) + " names no agent");
        } else if (!placed.add(name.get())) {
          f.problems()
              .add(path, Problems.quote(name.get()) + " is in two groups (expected: one group)");
        } else {
          members.add(name.get());
        }
      }
      out.put(e.key(), members);
    }
    return out;
  }

  private static Map<String, Double> failures(Fields f, List<Event> events) {
    Map<String, Double> out = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    events.forEach(e -> names.add(e.name()));
    for (Fields.Entry e : f.map("failures", false, MAX_TERMS, "harms in (0, 1]")) {
      if (!names.contains(e.key())) {
        f.problems()
            .add(
                e.path(),
                Problems.quote(e.key()) + " names no event (expected: an event of this document)");
        continue;
      }
      if (!e.node().isNumber() || !(e.node().doubleValue() > 0 && e.node().doubleValue() <= 1)) {
        f.problems().add(e.path(), Problems.show(e.node()) + " (expected: a harm in (0, 1])");
        continue;
      }
      out.put(e.key(), e.node().doubleValue());
    }
    return out;
  }

  private static List<OutcomeMap.Floor> floors(
      Fields f, Map<String, VarDecl> world, List<Agent> agents) {
    List<OutcomeMap.Floor> out = new ArrayList<>();
    for (Fields.Item item : f.array("irreversible", false, 0, MAX_TERMS, "{var, at_most}")) {
      Fields floor = Fields.of(item.node(), item.path(), f.problems());
      Optional<String> var = floor.string("var", true, "world.NAME or self.NAME");
      Optional<JsonNode> atMost = floor.get("at_most", true, "a number");
      floor.finish();
      if (var.isEmpty() || atMost.isEmpty()) {
        continue;
      }
      String v = var.get();
      Optional<VarDecl> decl =
          v.startsWith("world.")
              ? Optional.ofNullable(world.get(v.substring(6)))
              : v.startsWith("self.") ? agentVar(agents, v.substring(5)) : Optional.empty();
      if (decl.isEmpty() || !numeric(decl.get())) {
        f.problems()
            .add(
                floor.at("var"),
                Problems.quote(v)
                    + " (expected: world.NAME or self.NAME of a declared int or double variable)");
        continue;
      }
      if (!atMost.get().isNumber()) {
        f.problems()
            .add(floor.at("at_most"), Problems.show(atMost.get()) + " (expected: a number)");
        continue;
      }
      out.add(new OutcomeMap.Floor(v, atMost.get().doubleValue()));
    }
    return out;
  }
}

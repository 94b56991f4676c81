package io.aurelius.config.validation;

import io.aurelius.config.model.Agent;
import io.aurelius.config.model.VarDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one agent. */
final class AgentReader {
  private AgentReader() {}

  static Optional<Agent> read(Fields f) {
    if (!f.isObject()) {
      return Optional.empty();
    }
    String name = Names.read(f, "name", Names.ENTITY).orElse("");
    Optional<String> displayName = f.text("display_name", false, 1, Limits.MAX_DISPLAY_NAME_CHARS);
    String identity =
        f.text("identity", true, Limits.MIN_PERSON_TEXT_CHARS, Limits.MAX_TEXT_CHARS).orElse("");
    String goal =
        f.text("goal", true, Limits.MIN_PERSON_TEXT_CHARS, Limits.MAX_TEXT_CHARS).orElse("");
    Optional<String> stance = f.text("stance", false, 1, Limits.MAX_TEXT_CHARS);
    Optional<String> persona = f.matching("persona", false, Names.PERSONA);
    List<String> knowledge = new ArrayList<>();
    for (Fields.Item item :
        f.array("private_knowledge", false, 0, Limits.MAX_PRIVATE_KNOWLEDGE, "texts")) {
      Check.text(item.node(), item.path(), f.problems(), 1, Limits.MAX_TEXT_CHARS)
          .ifPresent(knowledge::add);
    }
    Map<String, VarDecl> state = StateReader.read(f, "state", false, Limits.MAX_AGENT_VARS);
    f.finish();
    return Optional.of(
        new Agent(name, displayName, identity, goal, stance, persona, knowledge, state));
  }
}

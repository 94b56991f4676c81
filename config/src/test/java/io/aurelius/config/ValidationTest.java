package io.aurelius.config;

import static io.aurelius.config.Fixtures.at;
import static io.aurelius.config.Fixtures.commons;
import static io.aurelius.config.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ValidationTest {
  @Test
  void aValidDocumentHasNoProblems() {
    assertThat(problems(commons())).isEmpty();
  }

  @Test
  void badAgentNameNamesPathAndPattern() {
    ObjectNode doc = commons();
    at(doc, "/agents/1").put("name", "Bob");
    assertThat(problems(doc))
        .contains("$.agents[1].name: \"Bob\" (expected: ^[a-z][a-z0-9_]{1,29}$)");
  }

  @Test
  void reportsEveryProblemNotJustTheFirst() {
    ObjectNode doc = commons();
    at(doc, "/agents/2").put("nmae", "x");
    doc.put("memory_window", -1);
    at(doc, "/termination").put("max_steps", 80);
    at(doc, "/actions/0/parameters/bushels").put("max", "ten");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.agents[2].nmae: unknown field (expected: one of name, display_name, identity, goal, "
                + "stance, persona, private_knowledge, state)",
            "$.memory_window: -1 (expected: 0..20)",
            "$.termination.max_steps: 80 (expected: 1..50)",
            "$.actions[0].parameters.bushels.max: a string \"ten\" (expected: an integer in "
                + "-1000000000..1000000000)");
  }

  @Test
  void unknownTopLevelAndNestedFieldsAreRefused() {
    ObjectNode doc = commons();
    doc.put("extra", 1);
    at(doc, "/world/state/reef").put("colour", "blue");
    assertThat(problems(doc))
        .anyMatch(p -> p.startsWith("$.extra: unknown field"))
        .anyMatch(p -> p.startsWith("$.world.state.reef.colour: unknown field"));
  }

  @Test
  void missingRequiredMembersAreNamed() {
    ObjectNode doc = commons();
    doc.remove("framings");
    at(doc, "/agents/0").remove("goal");
    at(doc, "/labels").remove("domain");
    assertThat(problems(doc))
        .contains(
            "$.framings: missing (expected: {immersive: {premise}, control: {premise}})",
            "$.agents[0].goal: missing (expected: a string of 10..4000 characters)",
            "$.labels.domain: missing (expected: a label of 1..200 characters)");
  }

  @Test
  void wrongFormatIsRefused() {
    ObjectNode doc = commons();
    doc.put("format", "aurelius.config/2");
    assertThat(problems(doc))
        .containsExactly("$.format: \"aurelius.config/2\" (expected: \"aurelius.config/1\")");
  }

  @Test
  void varDeclarationsAreTypedAndBounded() {
    ObjectNode doc = commons();
    ObjectNode state = at(doc, "/world/state");
    state.putObject("bad_type").put("type", "text").put("initial", "x");
    state.putObject("unbounded").put("type", "int").put("initial", 1);
    state.putObject("outside").put("type", "int").put("initial", 9).put("min", 0).put("max", 5);
    state
        .putObject("mood")
        .put("type", "string")
        .put("initial", "glum")
        .putArray("values")
        .add("calm")
        .add("calm");
    state.putObject("in").put("type", "bool").put("initial", true);
    assertThat(problems(doc))
        .contains(
            "$.world.state.bad_type.type: \"text\" (expected: one of int, double, bool, string)",
            "$.world.state.unbounded.min: missing (expected: an integer in -1000000000..1000000000)",
            "$.world.state.unbounded.max: missing (expected: an integer in -1000000000..1000000000)",
            "$.world.state.outside.initial: 9 (expected: 0..5)",
            "$.world.state.mood.values[1]: \"calm\" repeated (expected: distinct values)",
            "$.world.state.mood.initial: \"glum\" (expected: one of the values)",
            "$.world.state.in: \"in\" is a CEL reserved word (expected: another name)");
  }

  @Test
  void parametersMustBeBounded() {
    ObjectNode doc = commons();
    ObjectNode params = at(doc, "/actions/2/parameters");
    params.putObject("free").put("type", "text");
    params.putObject("pick").put("type", "string");
    params.putObject("n").put("type", "int").put("min", 5).put("max", 1);
    assertThat(problems(doc))
        .contains(
            "$.actions[2].parameters.free.max_length: missing (expected: an integer in 1..2000)",
            "$.actions[2].parameters.pick.values: missing (expected: an array of 1..16 strings)",
            "$.actions[2].parameters.n.min: 5 (expected: at most max 1)");
  }

  @Test
  void danglingReferencesAreReported() {
    ObjectNode doc = commons();
    ((ArrayNode) doc.at("/actions/1/actors")).removeAll().add("bobb");
    at(doc, "/actions/1").putArray("phases").add("dawn");
    at(doc, "/actions/0/effects/0").put("set", "agents.zed.coins");
    at(doc, "/actions/0/effects/1").put("set", "world.nothing");
    at(doc, "/actions/0").put("precondition", "agents.zed.coins > 0 && chosen.zed == ''");
    assertThat(problems(doc))
        .contains(
            "$.actions[1].actors[0]: \"bobb\" names no agent (expected: one of marisol, tomas, ines)",
            "$.actions[1].phases: phases named but the configuration declares none "
                + "(expected: no phases member)",
            "$.actions[0].effects[0].set: \"agents.zed.coins\" names no agent (expected: one of "
                + "marisol, tomas, ines)",
            "$.actions[0].effects[1].set: \"world.nothing\" (expected: a declared world variable: "
                + "reef, spat_fall, price)",
            "$.actions[0].precondition: unknown reference at 0: 'agents.zed.coins' (expected: one of "
                + "agents.ines.coins, agents.ines.need, agents.marisol.coins, agents.marisol.need, "
                + "agents.tomas.coins, agents.tomas.need)");
  }

  @Test
  void duplicateNamesAreReported() {
    ObjectNode doc = commons();
    at(doc, "/agents/2").put("name", "marisol");
    at(doc, "/actions/3").put("name", "harvest");
    at(doc, "/events/1").put("name", "city_buyer");
    assertThat(problems(doc))
        .contains(
            "$.agents[2].name: \"marisol\" repeated (expected: distinct agent names; first at "
                + "$.agents[0].name)",
            "$.actions[3].name: \"harvest\" repeated (expected: distinct action names; first at "
                + "$.actions[0].name)",
            "$.events[1].name: \"city_buyer\" repeated (expected: distinct event names; first at "
                + "$.events[0].name)");
  }

  @Test
  void phaseStepsMustAddUpToTheStepCount() {
    ObjectNode doc = commons();
    ArrayNode phases = doc.putArray("phases");
    phases.addObject().put("name", "early").put("steps", 3).put("mode", "decision");
    phases.addObject().put("name", "late").put("steps", 4).put("mode", "reflection");
    phases.addObject().put("name", "late").put("steps", 0).put("mode", "dreaming");
    assertThat(problems(doc))
        .contains(
            "$.phases: steps add up to 7 (expected: termination.max_steps = 8)",
            "$.phases[2].steps: 0 (expected: 1..50)",
            "$.phases[2].mode: \"dreaming\" (expected: decision or reflection)",
            "$.phases[2].name: \"late\" repeated (expected: distinct phase names; first at "
                + "$.phases[1].name)");
    phases.remove(2);
    assertThat(problems(doc))
        .containsExactly("$.phases: steps add up to 7 (expected: termination.max_steps = 8)");
  }

  @Test
  void eventsNeedATriggerInsideTheRun() {
    ObjectNode doc = commons();
    at(doc, "/events/0").put("at_step", 9);
    at(doc, "/events/1").remove("when");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.events[0].at_step: 9 (expected: 1..8, termination.max_steps)",
            "$.events[1]: neither at_step nor when (expected: at least one of them)");
  }

  @Test
  void observationsCannotBeSelfOnlyAndForEachIsNotForActions() {
    ObjectNode doc = commons();
    at(doc, "/observations/0").put("visible_to", "self");
    at(doc, "/actions/0/effects/0").put("for_each_agent", true);
    doc.withArray("dynamics").addObject().put("set", "self.coins").put("to", "1");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.observations[0].visible_to: \"self\" (expected: \"all\" or {\"when\": ...}; an "
                + "observation is rendered for each viewer)",
            "$.actions[0].effects[0].for_each_agent: true (expected: false; for_each_agent is for "
                + "dynamics and events)",
            "$.dynamics[1].set: \"self.coins\" has no self here (expected: world.<var> or "
                + "agents.<name>.<var>, or for_each_agent: true)");
  }

  @Test
  void signatureBlockShapeIsChecked() {
    ObjectNode doc = commons();
    doc.putObject("signature").put("author", "5Fake").put("scheme", "rsa").put("signature", "!!");
    assertThat(problems(doc))
        .anyMatch(p -> p.startsWith("$.signature.author: key id '5Fake'"))
        .anyMatch(p -> p.startsWith("$.signature.scheme: key scheme 'rsa': unknown"))
        .contains("$.signature.signature: \"!!\" (expected: base64 of a 64-byte signature)");
  }
}

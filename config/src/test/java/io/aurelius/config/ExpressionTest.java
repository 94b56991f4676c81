package io.aurelius.config;

import static io.aurelius.config.Fixtures.at;
import static io.aurelius.config.Fixtures.commons;
import static io.aurelius.config.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Every expression and interpolation is parsed and type-checked in its own scope. */
class ExpressionTest {
  @Test
  void syntaxErrorNamesPathAndPosition() {
    ObjectNode doc = commons();
    at(doc, "/actions/0").put("precondition", "world.reef >");
    assertThat(problems(doc))
        .singleElement()
        .asString()
        .startsWith("$.actions[0].precondition: syntax error at 12: mismatched input '<EOF>'");
  }

  @Test
  void typeErrorInAnEffect() {
    ObjectNode doc = commons();
    at(doc, "/actions/0/effects/0").put("to", "self.coins + 1.5");
    assertThat(problems(doc))
        .containsExactly(
            "$.actions[0].effects[0].to: type error at 11: found no matching overload for '_+_' "
                + "applied to '(int, double)' (expected: an int expression)");
  }

  @Test
  void resultTypeMustMatch() {
    ObjectNode doc = commons();
    at(doc, "/actions/0").put("precondition", "world.reef");
    at(doc, "/actions/0/effects/1").put("to", "'lots'");
    at(doc, "/termination").put("when", "step");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.actions[0].precondition: type int (expected: bool)",
            "$.actions[0].effects[1].to: type string (expected: int)",
            "$.termination.when: type int (expected: bool)");
  }

  @Test
  void scopesDifferByContext() {
    ObjectNode doc = commons();
    at(doc, "/events/1").put("when", "params.bushels > 1");
    at(doc, "/termination").put("when", "actor == 'ines'");
    at(doc, "/actions/0/effects/0").put("to", "self.coins + drawn");
    at(doc, "/actions/1").put("precondition", "drawn > 0");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.events[1].when: unknown reference at 0: 'params.bushels' is not available here "
                + "(expected: one of agents.*, by_agent.*, chosen, names, phase, step, world.*)",
            "$.termination.when: type error at 0: undeclared reference to 'actor' (in container '') "
                + "(expected: a bool expression)",
            "$.actions[1].precondition: type error at 0: undeclared reference to 'drawn' (in "
                + "container '') (expected: a bool expression)");
  }

  @Test
  void selfOnlyHasVariablesEveryPossibleActorHas() {
    ObjectNode doc = commons();
    at(doc, "/agents/0/state")
        .putObject("hull")
        .put("type", "int")
        .put("initial", 1)
        .put("min", 0)
        .put("max", 5);
    at(doc, "/actions/1").put("precondition", "self.hull > 0");
    assertThat(problems(doc))
        .singleElement()
        .asString()
        .startsWith(
            "$.actions[1].precondition: unknown reference at 0: 'self.hull' (expected: "
                + "one of self.coins, self.need)");
    ((com.fasterxml.jackson.databind.node.ArrayNode) doc.at("/actions/1/actors"))
        .removeAll()
        .add("marisol");
    assertThat(problems(doc)).isEmpty();
  }

  @Test
  void mapKeysMustBeAgents() {
    ObjectNode doc = commons();
    doc.withArray("dynamics")
        .addObject()
        .put("set", "world.price")
        .put("to", "chosen.bobby == 'harvest' ? 2 : by_agent.coins.marisol");
    assertThat(problems(doc))
        .containsExactly(
            "$.dynamics[1].to: unknown reference at 0: 'chosen.bobby' names no agent (expected: one "
                + "of ines, marisol, tomas)");
  }

  @Test
  void templatesAreCheckedLikeExpressions() {
    ObjectNode doc = commons();
    at(doc, "/observations/0").put("immersive", "Reef: {{ world.reeef }} and {{ [1, 2] }}");
    at(doc, "/observations/1").put("control", "Open {{ world.reef");
    at(doc, "/actions/2/narration").put("immersive", "{{ }} said");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.observations[0].immersive@6: unknown reference at 0: 'world.reeef' (expected: one of "
                + "world.price, world.reef, world.spat_fall)",
            "$.observations[0].immersive@28: type list (expected: int, double, bool or string)",
            "$.observations[1].control@5: unclosed '{{' (expected: '{{ expression }}')",
            "$.actions[2].narration.immersive@0: empty interpolation (expected: '{{ expression }}')");
  }

  @Test
  void reservedNamesCannotBeReferenced() {
    ObjectNode doc = commons();
    at(doc, "/actions/2/parameters")
        .set("while", at(doc, "/actions/2/parameters/words").deepCopy());
    assertThat(problems(doc))
        .containsExactly(
            "$.actions[2].parameters.while: \"while\" is a CEL reserved word (expected: another name)");
  }

  @Test
  void comparisonsWithImpossibleStringsAreDanglingReferences() {
    ObjectNode doc = commons();
    doc.withArray("dynamics")
        .addObject()
        .put("set", "world.price")
        .put("to", "chosen.tomas == 'harvst' || chosen.ines != 'mend_nets' ? 2 : 3");
    Fixtures.at(doc, "/actions/3")
        .put(
            "precondition",
            "params.to != 'bob' && 'ines' != params.to && self.coins >= params.coins");
    assertThat(problems(doc))
        .contains(
            "$.dynamics[1].to: unknown reference at 16: 'harvst' is not a possible value of chosen "
                + "(expected: one of '', harvest, mend_nets, share_coins, speak)",
            "$.actions[3].precondition: unknown reference at 13: 'bob' is not a possible value of "
                + "params.to (expected: one of ines, marisol, tomas)");
  }
}

package io.aurelius.config;

import static io.aurelius.config.Fixtures.at;
import static io.aurelius.config.Fixtures.commons;
import static io.aurelius.config.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Each documented limit, just over the bound. */
class LimitsTest {
  @Test
  void atMostSixteenAgents() {
    ObjectNode doc = commons();
    ArrayNode agents = doc.withArray("agents");
    JsonNode template = agents.get(2);
    for (int i = 3; i < 17; i++) {
      ((ObjectNode) agents.addObject().setAll((ObjectNode) template.deepCopy()))
          .put("name", "a" + i);
    }
    assertThat(problems(doc)).containsExactly("$.agents: 17 items (expected: 1..16)");
    agents.remove(16);
    assertThat(problems(doc)).isEmpty();
  }

  @Test
  void atMostFiftySteps() {
    ObjectNode doc = commons();
    at(doc, "/termination").put("max_steps", 51);
    assertThat(problems(doc)).containsExactly("$.termination.max_steps: 51 (expected: 1..50)");
  }

  @Test
  void atMostThirtyTwoActionsAndWorldVariables() {
    ObjectNode doc = commons();
    ArrayNode actions = doc.withArray("actions");
    for (int i = actions.size(); i < 33; i++) {
      ((ObjectNode) actions.addObject().setAll((ObjectNode) actions.get(1).deepCopy()))
          .put("name", "rest_" + i);
    }
    ObjectNode state = at(doc, "/world/state");
    for (int i = state.size(); i < 33; i++) {
      state.putObject("v" + i).put("type", "bool").put("initial", false);
    }
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.actions: 33 items (expected: 1..32)",
            "$.world.state: 33 entries (expected: at most 32)");
  }

  @Test
  void atMostSixteenAgentVariablesEightParametersSixteenSecrets() {
    ObjectNode doc = commons();
    ObjectNode state = at(doc, "/agents/0/state");
    for (int i = state.size(); i < 17; i++) {
      state.putObject("v" + i).put("type", "bool").put("initial", false);
    }
    ObjectNode params = at(doc, "/actions/2/parameters");
    for (int i = params.size(); i < 9; i++) {
      params.putObject("p" + i).put("type", "bool");
    }
    ArrayNode secrets = doc.withArray("agents").get(0).withArray("private_knowledge");
    for (int i = secrets.size(); i < 17; i++) {
      secrets.add("Something only I know, number " + i + ".");
    }
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.agents[0].state: 17 entries (expected: at most 16)",
            "$.actions[2].parameters: 9 entries (expected: at most 8)",
            "$.agents[0].private_knowledge: 17 items (expected: 0..16)");
  }

  @Test
  void textFieldsAreBounded() {
    ObjectNode doc = commons();
    at(doc, "/agents/0").put("identity", "x".repeat(4001));
    at(doc, "/agents/1").put("goal", "too short");
    doc.put("title", "");
    at(doc, "/agents/2").put("goal", "I want a bell\u0007 to ring.");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.agents[0].identity: 4001 characters (expected: 10..4000)",
            "$.agents[1].goal: 9 characters (expected: 10..4000)",
            "$.title: 0 characters (expected: 1..120)",
            "$.agents[2].goal@13: control character U+0007 (expected: printable text, tab or newline)");
  }

  @Test
  void memoryWindowAndLabelsAreBounded() {
    ObjectNode doc = commons();
    doc.put("memory_window", 21);
    ObjectNode labels = at(doc, "/labels");
    for (int i = labels.size(); i < 17; i++) {
      labels.put("extra" + i, "x");
    }
    labels.put("Bad Key", "x");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.memory_window: 21 (expected: 0..20)",
            "$.labels: 18 entries (expected: at most 16)",
            "$.labels['Bad Key']: label \"Bad Key\" (expected: ^[a-z][a-z0-9_.]{0,39}$)");
  }

  @Test
  void celExpressionSizeIsBounded() {
    ObjectNode doc = commons();
    at(doc, "/actions/0").put("precondition", "world.reef > 0" + " && true".repeat(300));
    assertThat(problems(doc))
        .containsExactly(
            "$.actions[0].precondition: limit exceeded: expression is 2414 characters (expected: at "
                + "most 2000)");
  }

  @Test
  void celNestingIsBounded() {
    ObjectNode doc = commons();
    at(doc, "/actions/0")
        .put("precondition", "(".repeat(40) + "world.reef + 1" + " + 1)".repeat(40) + " > 0");
    assertThat(problems(doc))
        .singleElement()
        .asString()
        .startsWith("$.actions[0].precondition: limit exceeded: expression nests ")
        .endsWith("levels deep (expected: at most 32)");
  }

  @Test
  void comprehensionNestingIsBounded() {
    ObjectNode doc = commons();
    at(doc, "/actions/0")
        .put("precondition", "[1, 2].all(a, [1, 2].all(b, [1, 2].all(c, a + b + c > 0)))");
    assertThat(problems(doc))
        .containsExactly(
            "$.actions[0].precondition: limit exceeded: comprehensions nest 3 deep (expected: at "
                + "most 2)");
  }

  @Test
  void regexBombsAreRefusedWhereTheyAre() {
    ObjectNode doc = commons();
    at(doc, "/actions/2")
        .put(
            "precondition",
            "params.words.matches('((a{100}){100}){100}') || 'x'.matches(params.words + 'y')");
    at(doc, "/actions/0").put("precondition", "world.reef > 0 && 'x'.matches('[a-z]{250}')");
    assertThat(problems(doc))
        .containsExactlyInAnyOrder(
            "$.actions[2].precondition: limit exceeded at 21: pattern would compile to about "
                + "1020202 instructions (expected: at most 200)",
            "$.actions[2].precondition: limit exceeded at 73: a matches() pattern is computed "
                + "(expected: a string literal)",
            "$.actions[0].precondition: limit exceeded at 30: pattern compiles to 252 "
                + "instructions (expected: at most 200)");
  }

  @Test
  void legitimatePatternsStillValidate() {
    ObjectNode doc = commons();
    at(doc, "/actions/2")
        .put(
            "precondition",
            "params.words.matches('^(?i)(yes|no|maybe)\\\\b') || matches(params.words, "
                + "'[0-9]{1,3} bushels?')");
    assertThat(problems(doc)).isEmpty();
  }

  @Test
  void documentSizeIsBounded() {
    ObjectNode doc = commons();
    at(doc, "/agents/0").put("stance", "x".repeat(70_000));
    byte[] bytes = doc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(ConfigLoader.validate(bytes).problems().get(0).toString())
        .isEqualTo("$: " + bytes.length + " bytes (expected: at most 65536)");
  }
}

package io.aurelius.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.Template;
import io.aurelius.config.v1.V1Export;
import io.aurelius.config.v1.V1Import;
import io.aurelius.config.v1.V1Invalid;
import io.aurelius.config.v1.V1Validator;
import io.aurelius.config.validation.Problem;
import io.aurelius.config.validation.Problems;
import io.aurelius.config.validation.TemplateParser;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class V1CompatibilityTest {
  static Stream<Path> validFixtures() throws Exception {
    try (Stream<Path> files = Files.list(TestData.path("aurelius-v1"))) {
      List<Path> list =
          files
              .filter(p -> p.toString().endsWith(".json"))
              .filter(p -> !p.getFileName().toString().equals("schema_v1.json"))
              .sorted()
              .toList();
      assertThat(list).hasSizeGreaterThanOrEqualTo(9);
      return list.stream();
    }
  }

  private static JsonNode read(Path p) throws Exception {
    return Json.parse(Files.readAllBytes(p), p.getFileName().toString(), JsonLimits.UNTRUSTED);
  }

  private static List<String> v1Problems(JsonNode doc) {
    return V1Validator.validate(doc, -1).stream().map(Problem::toString).toList();
  }

  @ParameterizedTest
  @MethodSource("validFixtures")
  void fixtureImportsValidatesAndRoundTrips(Path fixture) throws Exception {
    JsonNode v1 = read(fixture);
    assertThat(v1Problems(v1)).isEmpty();
    ObjectNode imported = V1Import.convert(v1, Files.size(fixture));
    ValidationReport report = ConfigLoader.validate(imported);
    assertThat(report.problems()).isEmpty();
    ObjectNode exported = V1Export.convert(report.config().orElseThrow());
    assertThat(CanonicalJson.string(exported)).isEqualTo(CanonicalJson.string(v1));
  }

  @Test
  void invalidFixtureIsRejectedWithItsV1Path() throws Exception {
    Path bad =
        TestData.path("aurelius-v1", "invalid", "predictive_policing_civil_liberties_v15.json");
    assertThatThrownBy(() -> V1Import.convert(read(bad), Files.size(bad)))
        .isInstanceOf(V1Invalid.class)
        .hasMessage("schema_v1: $.agents[1].name: 36 characters (expected: at most 30)");
  }

  @Test
  void forcedChoiceBecomesAGatedTwoOptionAction() throws Exception {
    JsonNode v1 = read(TestData.path("aurelius-v1", "water_rights_drought_v77.json"));
    CompiledConfig c = ConfigLoader.load(V1Import.convert(v1, -1), "water");
    var choice = c.config().action("scene_1_choice").orElseThrow();
    assertThat(choice.actors().names()).containsExactly("carlos_mendez");
    assertThat(choice.phases()).containsExactly("scene_1");
    assertThat(
            choice
                .parameters()
                .get("option")
                .accepts(v1.at("/scenes/0/forced_choice/choices/1").textValue()))
        .isTrue();
    assertThat(c.config().agents().get(1).stance()).get().asString().startsWith("I believe there");
    var act = c.config().action("act").orElseThrow();
    var gate = c.expression(act.precondition().orElseThrow());
    var bindings =
        io.aurelius.config.cel.Bindings.builder()
            .world(java.util.Map.of("scene_1_decided", false))
            .phase("scene_1");
    assertThat(gate.evaluateBool(bindings.actor("carlos_mendez").build())).isFalse();
    assertThat(gate.evaluateBool(bindings.actor("ceo_diane_crawford").build())).isTrue();
    assertThat(
            gate.evaluateBool(
                bindings
                    .actor("carlos_mendez")
                    .world(java.util.Map.of("scene_1_decided", true))
                    .build()))
        .isTrue();
  }

  @Test
  void v1SchemaRulesAreEnforcedWithPaths() throws Exception {
    ObjectNode v1 =
        (ObjectNode) read(TestData.path("aurelius-v1", "water_rights_drought_v77.json"));
    v1.put("tension_archetype", "custom");
    v1.put("colour", "red");
    ((ObjectNode) v1.at("/agents/1")).put("name", "Carlos Mendez");
    ((ObjectNode) v1.at("/agents/0")).put("philosophy", "stoicism");
    ((ObjectNode) v1.at("/scenes/0")).put("steps", 6);
    ((ObjectNode) v1.at("/scenes/0/forced_choice")).put("agent_name", "Nobody Here");
    ((ObjectNode) v1.at("/scenes/1")).put("forced_choice", 5);
    v1.put("premise", "Too short.");
    assertThat(v1Problems(v1))
        .containsExactlyInAnyOrder(
            "$.colour: unknown property (expected: one of name, tension_archetype, tension_description, "
                + "morebench_context, premise, agents, scenes)",
            "$.tension_description: missing (expected: required when tension_archetype is custom)",
            "$.premise: 10 characters (expected: at least 200)",
            "$.agents[0].philosophy: \"stoicism\" (expected: one of utilitarianism, deontology, "
                + "virtue_ethics, care_ethics, contractualism, natural_law, pragmatism, existentialism, "
                + "moral_relativism, divine_command, \"\")",
            "$.agents[1].name: \"Carlos Mendez\" repeated (expected: distinct agent names; first at "
                + "$.agents[0].name)",
            "$.scenes[0].steps: 6 (expected: 1..5)",
            "$.scenes[0].forced_choice.agent_name: \"Nobody Here\" names no agent (expected: one of "
                + "Carlos Mendez)",
            "$.scenes[1].forced_choice: 5 (expected: a ForcedChoice object or null)");
    assertThat(
            V1Validator.validate(
                read(TestData.path("aurelius-v1", "parole_board_recidivism.json")), 70_000))
        .extracting(Problem::toString)
        .containsExactly("$: 70000 bytes (expected: at most 65536)");
  }

  @Test
  void descriptionIsForbiddenUnlessCustomAndSpacesDoNotPassThePattern() throws Exception {
    ObjectNode v1 =
        (ObjectNode) read(TestData.path("aurelius-v1", "water_rights_drought_v77.json"));
    v1.put("tension_description", "An extra description that is long enough.");
    v1.put("name", "water_rights\n");
    ((ObjectNode) v1.at("/scenes/0")).put("steps", 2.0);
    assertThat(v1Problems(v1))
        .containsExactlyInAnyOrder(
            "$.tension_description: present (expected: only when tension_archetype is custom)",
            "$.name: \"water_rights\\n\" (expected: ^[a-z][a-z0-9_]{2,59}$)");
  }

  @Test
  void exportRefusesWhatV1CannotExpress() {
    ObjectNode doc = Fixtures.commons();
    ((ObjectNode) doc.at("/framings/immersive")).put("premise", "The reef holds {{ world.reef }}.");
    CompiledConfig commons = ConfigLoader.load(doc, "commons");
    assertThatThrownBy(() -> V1Export.convert(commons))
        .isInstanceOf(V1Invalid.class)
        .satisfies(
            e ->
                assertThat(((V1Invalid) e).problems())
                    .extracting(Problem::toString)
                    .containsExactlyInAnyOrder(
                        "$.framings.immersive.premise@15: interpolation {{ world.reef }} (expected: "
                            + "literal text for schema_v1)",
                        "$.agents: 3 agents (expected: exactly 2 for schema_v1)",
                        "$.phases: none (expected: 1..10 phases, the schema_v1 scenes)"));
  }

  @Test
  void literalBracesSurviveImportEscaping() {
    Random random = new Random(7);
    String alphabet = "{} \"x";
    for (int n = 0; n < 2_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(14);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String original = s.toString();
      Problems problems = new Problems();
      Template t = TemplateParser.parse(original.replace("{{", "{{ \"{{\" }}"), "$", problems);
      assertThat(problems.isEmpty()).as(original).isTrue();
      StringBuilder back = new StringBuilder();
      t.parts().forEach(p -> back.append(p instanceof Template.Literal l ? l.text() : "{{"));
      assertThat(back.toString()).as(original).isEqualTo(original);
      assertThat(t.expressions()).allMatch(e -> e.source().equals("\"{{\""));
    }
  }
}

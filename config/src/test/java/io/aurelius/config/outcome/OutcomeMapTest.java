package io.aurelius.config.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.Fixtures;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.schema.ConfigSchema;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ULFR outcome map: declared and checked like the rest of a document, or derived by rule. */
class OutcomeMapTest {
  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(ConfigSchema.text());

  private static ObjectNode withOutcome(String outcome) {
    ObjectNode doc = Fixtures.commons();
    doc.set("outcome", Json.parse(outcome, "outcome", JsonLimits.UNTRUSTED));
    return doc;
  }

  @Test
  void aDeclaredMapIsReadAndPassesTheSchema() {
    ObjectNode doc =
        withOutcome(
            "{\"utility\":[\"coins\",\"-need\"],\"world_utility\":[\"reef\"],"
                + "\"groups\":{\"family\":[\"marisol\",\"tomas\"]},"
                + "\"failures\":{\"dead_shells\":0.8},"
                + "\"irreversible\":[{\"var\":\"world.reef\",\"at_most\":0}]}");
    assertThat(Fixtures.problems(doc)).isEmpty();
    assertThat(SCHEMA.validate(doc)).isEmpty();
    OutcomeMap map = ConfigLoader.load(doc, "doc").config().outcome().orElseThrow();
    assertThat(map.utility())
        .containsExactly(new OutcomeMap.Term("coins", false), new OutcomeMap.Term("need", true));
    assertThat(map.groups()).containsEntry("family", List.of("marisol", "tomas"));
    assertThat(map.failures()).containsEntry("dead_shells", 0.8);
    assertThat(map.irreversible()).containsExactly(new OutcomeMap.Floor("world.reef", 0));
  }

  @Test
  void aBadMapIsOneLinePerProblemWithItsPath() {
    ObjectNode doc =
        withOutcome(
            "{\"utility\":[\"gold\"],\"world_life\":[\"price\",\"nope\"],"
                + "\"groups\":{\"a\":[\"marisol\"],\"b\":[\"marisol\",\"zed\"]},"
                + "\"failures\":{\"dead_shells\":2,\"meteor\":0.5},"
                + "\"irreversible\":[{\"var\":\"world.nope\",\"at_most\":0}],\"extra\":1}");
    assertThat(Fixtures.problems(doc))
        .contains(
            "$.outcome.utility[0]: \"gold\" names no agent variable (expected: a declared int or"
                + " double variable)",
            "$.outcome.world_life[1]: \"nope\" names no world variable (expected: a declared int"
                + " or double variable)",
            "$.outcome.groups.b[0]: \"marisol\" is in two groups (expected: one group)",
            "$.outcome.groups.b[1]: \"zed\" names no agent",
            "$.outcome.failures.dead_shells: 2 (expected: a harm in (0, 1])",
            "$.outcome.failures.meteor: \"meteor\" names no event (expected: an event of this"
                + " document)",
            "$.outcome.irreversible[0].var: \"world.nope\" (expected: world.NAME or self.NAME of a"
                + " declared int or double variable)")
        .anyMatch(p -> p.startsWith("$.outcome.extra: unknown field"));
    assertThat(SCHEMA.validate(doc)).isNotEmpty();
  }

  @Test
  void withoutADeclaredMapTheRuleDerivesOneFromTheState() {
    ScenarioConfig commons = ConfigLoader.load(Fixtures.commons(), "commons").config();
    assertThat(OutcomeMaps.declared(commons)).isFalse();
    OutcomeMap map = OutcomeMaps.of(commons);
    assertThat(map.utility())
        .as("coins good, need a burden")
        .containsExactly(new OutcomeMap.Term("coins", false), new OutcomeMap.Term("need", true));
    assertThat(map.failures())
        .as("dead_shells: 'dead' is grave")
        .isEqualTo(Map.of("dead_shells", 1.0));
    assertThat(map.worldUtility()).isEmpty();

    ScenarioConfig clinic =
        ConfigLoader.load(Fixtures.catalogue("mountain_clinic_triage"), "clinic").config();
    OutcomeMap c = OutcomeMaps.of(clinic);
    assertThat(c.worldLife()).containsExactly(new OutcomeMap.Term("oxygen", false));
    assertThat(c.utility()).containsExactly(new OutcomeMap.Term("exhaustion", true));
    assertThat(c.irreversible()).containsExactly(new OutcomeMap.Floor("world.oxygen", 0));
    assertThat(c.failures()).containsKey("rockslide");
  }

  @Test
  void everyCatalogueScenarioGetsAMapThatMeasuresSomething() {
    for (String name : Catalogue.names()) {
      OutcomeMap map = OutcomeMaps.of(ConfigLoader.load(Fixtures.catalogue(name), name).config());
      assertThat(map.utility().size() + map.life().size() + map.worldLife().size())
          .as(name)
          .isPositive();
    }
  }
}

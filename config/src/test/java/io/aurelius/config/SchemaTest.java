package io.aurelius.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.schema.ConfigSchema;
import io.aurelius.config.v1.V1Import;
import io.aurelius.config.v1.V1Validator;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks with an independent JSON Schema implementation: the published schema agrees with the
 * validator on structure, and the hand-written v1 validator agrees with schema_v1.json.
 */
class SchemaTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema CONFIG = FACTORY.getSchema(ConfigSchema.text());

  private static JsonSchema v1Schema() throws Exception {
    return FACTORY.getSchema(Files.readString(TestData.path("aurelius-v1", "schema_v1.json")));
  }

  private static JsonNode read(Path p) throws Exception {
    return Json.parse(Files.readAllBytes(p), p.toString(), JsonLimits.UNTRUSTED);
  }

  private static List<Path> v1Fixtures() throws Exception {
    try (var files = Files.list(TestData.path("aurelius-v1"))) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("schema_v1.json"))
          .sorted()
          .toList();
    }
  }

  @Test
  void schemaIsDraft2020AndParses() {
    JsonNode schema = Json.parse(ConfigSchema.text(), "schema", JsonLimits.UNTRUSTED);
    assertThat(schema.get("$schema").textValue())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void acceptsEveryCatalogueScenarioAndImportedFixture() throws Exception {
    for (String name : Catalogue.names()) {
      assertThat(CONFIG.validate(Fixtures.catalogue(name))).as(name).isEmpty();
    }
    for (Path p : v1Fixtures()) {
      assertThat(CONFIG.validate(V1Import.convert(read(p), Files.size(p))))
          .as(p.toString())
          .isEmpty();
    }
  }

  @Test
  void rejectsWhatTheValidatorRejectsStructurally() {
    List<Consumer<ObjectNode>> breakages =
        List.of(
            d -> d.put("extra", 1),
            d -> Fixtures.at(d, "/agents/1").put("name", "Bob"),
            d -> d.remove("framings"),
            d -> Fixtures.at(d, "/world/state/reef").remove("min"),
            d -> Fixtures.at(d, "/actions/0/effects/0").put("set", "selff.coins"),
            d -> Fixtures.at(d, "/observations/0").put("visible_to", "self"),
            d -> Fixtures.at(d, "/events/1").remove("when"),
            d -> Fixtures.at(d, "/termination").put("max_steps", 51),
            d -> Fixtures.at(d, "/actions/2/parameters/words").remove("max_length"),
            d -> Fixtures.at(d, "/labels").remove("domain"));
    for (int i = 0; i < breakages.size(); i++) {
      ObjectNode doc = Fixtures.commons();
      breakages.get(i).accept(doc);
      assertThat(Fixtures.problems(doc)).as("validator, breakage " + i).isNotEmpty();
      assertThat(CONFIG.validate(doc)).as("schema, breakage " + i).isNotEmpty();
    }
  }

  @Test
  void handWrittenV1ValidatorAgreesWithSchemaV1() throws Exception {
    JsonSchema v1 = v1Schema();
    for (Path p : v1Fixtures()) {
      assertThat(v1.validate(read(p))).as(p.toString()).isEmpty();
      assertThat(V1Validator.validate(read(p), Files.size(p))).as(p.toString()).isEmpty();
    }
    Path bad =
        TestData.path("aurelius-v1", "invalid", "predictive_policing_civil_liberties_v15.json");
    Set<ValidationMessage> errors = v1.validate(read(bad));
    assertThat(errors)
        .extracting(m -> m.getInstanceLocation().toString())
        .containsExactly("$.agents[1].name");
    assertThat(V1Validator.validate(read(bad), Files.size(bad)))
        .extracting(io.aurelius.config.validation.Problem::path)
        .containsExactly("$.agents[1].name");
  }

  @Test
  void v1ValidatorsAgreeOnMutations() throws Exception {
    JsonSchema v1 = v1Schema();
    JsonNode base = read(TestData.path("aurelius-v1", "custom_innovation_vs_tradition_001.json"));
    List<Consumer<ObjectNode>> mutations =
        List.of(
            d -> d.remove("tension_description"),
            d -> d.put("tension_archetype", "justice_vs_mercy"),
            d -> d.put("name", "Bad Name"),
            d -> ((ObjectNode) d.at("/scenes/0")).putNull("forced_choice"),
            d -> ((ObjectNode) d.at("/scenes/0")).put("steps", 2.0),
            d -> ((ObjectNode) d.at("/scenes/0")).put("steps", 2.5),
            d -> ((ObjectNode) d.at("/scenes/1")).remove("mode"),
            d -> ((ObjectNode) d.at("/agents/0")).put("philosophy", ""),
            d -> ((ObjectNode) d.at("/agents/0")).remove("philosophy"),
            d -> ((ObjectNode) d.at("/agents/0")).put("identity", "short"),
            d -> d.withArray("agents").remove(1),
            d -> ((ObjectNode) d.at("/scenes/0/forced_choice")).withArray("choices").add("third"),
            d -> ((ObjectNode) d.at("/scenes/0/forced_choice")).put("extra", true),
            d -> d.put("morebench_context", ""));
    for (int i = 0; i < mutations.size(); i++) {
      ObjectNode doc = base.deepCopy();
      mutations.get(i).accept(doc);
      boolean schemaValid = v1.validate(doc).isEmpty();
      boolean ours = V1Validator.validate(doc, -1).isEmpty();
      assertThat(ours).as("mutation " + i).isEqualTo(schemaValid);
    }
  }
}

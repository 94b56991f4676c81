package io.aurelius.config.module;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.outcome.OutcomeMaps;
import io.aurelius.config.schema.ModuleSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mechanic pack's outcome fragment: read and refused with the module reason codes, and merged
 * into the outcome map of a configuration that imports the pack (after a declared map, or in place
 * of the word rule on the pack's names when the map is derived).
 */
class OutcomeFragmentTest {
  private static final Module PROMISES = ShippedModules.load("promises", ModuleSet.BASE);

  private static List<String> codes(ObjectNode pack) {
    return Modules.validate(pack, ModuleSet.BASE).problems().stream()
        .map(p -> p.reason().code())
        .distinct()
        .toList();
  }

  private static String problems(ObjectNode pack) {
    return Modules.validate(pack, ModuleSet.BASE).problems().toString();
  }

  private static ObjectNode promisesWith(String outcomeJson) {
    ObjectNode doc = ModulesTest.doc("promises");
    doc.set("outcome", io.aurelius.core.json.Json.parse(outcomeJson, "outcome", ModuleLimits.JSON));
    return doc;
  }

  private static ScenarioConfig commonsImporting(Module pack) {
    return commonsImporting(ModulesTest.catalogue("oyster_reef_commons"), pack);
  }

  private static ScenarioConfig commonsImporting(ObjectNode commons, Module pack) {
    return ConfigLoader.load(
            ModulesTest.importing(commons, pack), "commons", ModuleSet.of(List.of(pack)))
        .config();
  }

  private static List<String> texts(List<OutcomeMap.Term> terms) {
    return terms.stream().map(OutcomeMap.Term::text).toList();
  }

  @Test
  void theShippedPromisesPackDeclaresStandingAndABrokenPromise() {
    MechanicPack pack = (MechanicPack) PROMISES;
    OutcomeMap fragment = pack.outcome().orElseThrow();
    assertThat(texts(fragment.utility())).containsExactly("promises_standing");
    assertThat(fragment.failures()).containsExactly(Map.entry("promises_betrayed", 0.3));
  }

  @Test
  void withoutADeclaredMapTheFragmentReplacesTheWordRuleOnThePacksNames() {
    ScenarioConfig withFragment = commonsImporting(PROMISES);
    OutcomeMap map = OutcomeMaps.of(withFragment);
    // The commons' own derived terms stay, first; promises_owed (word rule: utility) is gone.
    assertThat(texts(map.utility())).containsExactly("coins", "-need", "promises_standing");
    assertThat(map.failures()).containsEntry("promises_betrayed", 0.3);
    assertThat(map.failures().keySet()).first().isEqualTo("dead_shells");

    ObjectNode plain = ModulesTest.doc("promises");
    plain.remove("outcome");
    Module noFragment = Modules.validate(plain, ModuleSet.BASE).module().orElseThrow();
    OutcomeMap derived = OutcomeMaps.of(commonsImporting(noFragment));
    assertThat(texts(derived.utility()))
        .as("a pack without a fragment keeps the word rule")
        .containsExactly("coins", "-need", "promises_standing", "promises_owed");
    assertThat(derived.failures()).doesNotContainKey("promises_betrayed");
  }

  @Test
  void aDeclaredMapComesFirstAndWinsOverTheFragmentOnTheSameName() {
    ObjectNode commons = ModulesTest.catalogue("oyster_reef_commons");
    ObjectNode outcome = commons.putObject("outcome");
    outcome.putArray("utility").add("coins");
    outcome.putArray("life").add("promises_standing");
    outcome.putObject("failures").put("dead_shells", 1.0);
    outcome.putObject("groups").putArray("harbour").add("marisol").add("tomas");
    OutcomeMap map = OutcomeMaps.of(commonsImporting(commons, PROMISES));
    assertThat(texts(map.utility()))
        .as("standing is life here, as declared")
        .containsExactly("coins");
    assertThat(texts(map.life())).containsExactly("promises_standing");
    assertThat(map.failures())
        .containsExactly(Map.entry("dead_shells", 1.0), Map.entry("promises_betrayed", 0.3));
    assertThat(map.groups()).containsOnlyKeys("harbour");
  }

  @Test
  void aNameOutsideThePacksNamespaceIsRefusedAsNamespace() {
    ObjectNode doc = promisesWith("{\"utility\": [\"coins\"]}");
    assertThat(codes(doc)).containsExactly("namespace");
    assertThat(problems(doc))
        .contains(
            "$.outcome.utility[0]: [namespace] \"coins\" is outside the pack's namespace"
                + " (expected: a name starting with \"promises_\")");
  }

  @Test
  void aNameThePackDoesNotDeclareIsRefusedAsUndeclaredState() {
    assertThat(codes(promisesWith("{\"utility\": [\"promises_wealth\"]}")))
        .containsExactly("undeclared_state");
    assertThat(codes(promisesWith("{\"life\": [\"promises_open\"]}")))
        .as("a world variable where agent variables are expected")
        .containsExactly("undeclared_state");
    ObjectNode feud = promisesWith("{\"failures\": {\"promises_feud\": 0.5}}");
    assertThat(codes(feud)).containsExactly("undeclared_state");
    assertThat(problems(feud))
        .contains(
            "$.outcome.failures.promises_feud: [undeclared_state] \"promises_feud\" names no event");
    assertThat(
            codes(
                promisesWith(
                    "{\"irreversible\": [{\"var\": \"world.promises_standing\", \"at_most\": 0}]}")))
        .containsExactly("undeclared_state");
  }

  @Test
  void overTheFragmentLimitsIsRefusedAsLimits() {
    ObjectNode doc = promisesWith("{}");
    ArrayNode utility = ((ObjectNode) doc.get("outcome")).putArray("utility");
    for (int i = 0; i <= ModuleLimits.MAX_OUTCOME_ENTRIES; i++) {
      utility.add("promises_standing");
    }
    assertThat(codes(doc)).containsExactly("limits");
    assertThat(problems(doc))
        .contains("$.outcome.utility: [limits] 9 entries (expected: at most 8)");
  }

  @Test
  void groupsBadHarmsAndUnknownMembersAreMalformed() {
    assertThat(problems(promisesWith("{\"groups\": {\"all\": [\"hosta\"]}}")))
        .contains("$.outcome.groups: [malformed] present (expected: none;");
    assertThat(codes(promisesWith("{\"failures\": {\"promises_betrayed\": 2}}")))
        .containsExactly("malformed");
    assertThat(codes(promisesWith("{\"weights\": {}}"))).containsExactly("malformed");
    assertThat(codes(promisesWith("[\"promises_standing\"]"))).containsExactly("malformed");
  }

  @Test
  void theModuleSchemaAcceptsAFragmentAndRefusesWhatTheReaderRefusesStructurally() {
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ModuleSchema.text());
    assertThat(schema.validate(ModulesTest.doc("promises"))).isEmpty();
    assertThat(
            schema.validate(
                promisesWith(
                    "{\"life\": [\"promises_standing\"], \"world_utility\": [\"-promises_open\"],"
                        + " \"irreversible\": [{\"var\": \"self.promises_standing\", \"at_most\": 0}]}")))
        .isEmpty();
    for (String bad :
        List.of(
            "{\"groups\": {\"all\": [\"hosta\"]}}",
            "{\"failures\": {\"promises_betrayed\": 2}}",
            "{\"utility\": [\"Promises\"]}",
            "{\"irreversible\": [{\"var\": \"promises_standing\", \"at_most\": 0}]}",
            "{\"utility\": " + nine() + "}")) {
      ObjectNode doc = promisesWith(bad);
      assertThat(schema.validate(doc)).as(bad).isNotEmpty();
      assertThat(Modules.validate(doc, ModuleSet.BASE).valid()).as(bad).isFalse();
    }
  }

  private static String nine() {
    return "[" + String.join(",", java.util.Collections.nCopies(9, "\"promises_standing\"")) + "]";
  }

  @Test
  void anEmptyFragmentSaysThePacksNamesMeanNothingForTheOutcome() {
    Module silent = Modules.validate(promisesWith("{}"), ModuleSet.BASE).module().orElseThrow();
    OutcomeMap map = OutcomeMaps.of(commonsImporting(silent));
    assertThat(texts(map.utility())).containsExactly("coins", "-need");
  }
}

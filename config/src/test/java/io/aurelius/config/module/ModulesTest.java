package io.aurelius.config.module;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.ValidationReport;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.lineage.Fork;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Modules are admitted or refused with a reason code, and configurations import them by id. */
class ModulesTest {
  private static final ModuleSet SHIPPED =
      ModuleSet.of(
          List.of(
              ShippedModules.load("promises", ModuleSet.BASE),
              ShippedModules.load("whisper", ModuleSet.BASE),
              ShippedModules.load("recollect", ModuleSet.BASE)));

  static ObjectNode doc(String name) {
    return (ObjectNode)
        Json.parse(ShippedModules.bytes(name).orElseThrow(), name, ModuleLimits.JSON);
  }

  static ObjectNode catalogue(String name) {
    return (ObjectNode) Json.parse(Catalogue.bytes(name).orElseThrow(), name, Limits.JSON);
  }

  static ObjectNode importing(ObjectNode config, Module... modules) {
    ArrayNode imports = config.putArray("imports");
    for (Module m : modules) {
      imports.addObject().put("module", m.id().hex());
    }
    return config;
  }

  private static List<String> codes(ModuleReport report) {
    return report.problems().stream().map(p -> p.reason().code()).distinct().toList();
  }

  private static Module shipped(String name) {
    return SHIPPED.current(name).orElseThrow();
  }

  @Test
  void shippedModulesAreAdmissibleAndContentAddressed() {
    assertThat(ShippedModules.names()).containsExactly("promises", "whisper", "recollect");
    for (String name : ShippedModules.names()) {
      ModuleReport report = Modules.validate(ShippedModules.bytes(name).orElseThrow(), SHIPPED);
      assertThat(report.problems()).as(name).isEmpty();
      assertThat(report.module().orElseThrow().id()).isEqualTo(ConfigDocuments.id(doc(name)));
    }
    assertThat(shipped("recollect")).isInstanceOf(MemoryPolicy.class);
    assertThat(((MemoryPolicy) shipped("recollect")).summary())
        .isEqualTo(MemoryPolicy.Summary.FIRST_PERSON);
  }

  @Test
  void aConfigurationImportsPacksByIdAndGetsTheirNamespacedMechanics() {
    ObjectNode doc =
        importing(catalogue("oyster_reef_commons"), shipped("promises"), shipped("recollect"));
    ((ObjectNode) doc.get("imports").get(0)).putObject("with").put("promises_standing", 7);
    CompiledConfig c = ConfigLoader.load(doc, "import", SHIPPED);

    assertThat(c.id()).isEqualTo(ConfigDocuments.id(doc));
    assertThat(c.document().has("imports")).isTrue();
    assertThat(c.modules().version()).isEqualTo(SHIPPED.version());
    assertThat(c.modules().used()).containsExactly(shipped("promises"), shipped("recollect"));
    assertThat(c.config().memoryWindow()).isEqualTo(2);
    assertThat(c.config().worldState()).containsKeys("reef", "promises_open");
    assertThat(c.config().agents())
        .allSatisfy(
            a -> {
              assertThat(a.state()).containsKeys("coins", "promises_standing", "promises_owed");
              assertThat(
                      ((io.aurelius.config.model.VarDecl.IntVar) a.state().get("promises_standing"))
                          .initial())
                  .isEqualTo(7);
            });
    var give =
        c.config().actions().stream()
            .filter(a -> a.name().equals("promises_give"))
            .findFirst()
            .orElseThrow();
    assertThat(((ParamDecl.ChoiceParam) give.parameters().get("to")).values())
        .containsExactly("marisol", "tomas", "ines");
  }

  @Test
  void withoutTheAdoptedSetAnImportIsNotAdopted() {
    ObjectNode doc = importing(catalogue("oyster_reef_commons"), shipped("whisper"));
    ValidationReport report = ConfigLoader.validate(doc);
    assertThat(report.config()).isEmpty();
    assertThat(report.problems().get(0).toString())
        .startsWith("$.imports[0].module: [not_adopted] " + shipped("whisper").id().hex());
  }

  @Test
  void aConfigurationMayNotDeclareNamesInAnImportedNamespace() {
    ObjectNode doc = importing(catalogue("oyster_reef_commons"), shipped("whisper"));
    ((ObjectNode) doc.at("/world/state"))
        .putObject("whisper_mood")
        .put("type", "int")
        .put("initial", 0)
        .put("min", 0)
        .put("max", 3);
    ValidationReport report = ConfigLoader.validate(doc, SHIPPED);
    assertThat(report.problems().toString())
        .contains("$.world.state.whisper_mood: [name_collision]");
  }

  @Test
  void twoMemoryPoliciesAreOnePerKind() {
    ObjectNode other = doc("recollect").put("name", "remember").put("memory_window", 3);
    ModuleSet set = SHIPPED.plus(Modules.validate(other, SHIPPED).module().orElseThrow());
    ObjectNode doc =
        importing(
            catalogue("oyster_reef_commons"),
            shipped("recollect"),
            set.current("remember").orElseThrow());
    assertThat(ConfigLoader.validate(doc, set).problems().toString())
        .contains("$.imports[1]: [one_per_kind]");
  }

  @Test
  void packNamesOutsideTheNamespaceAreRefused() {
    ObjectNode doc = doc("whisper");
    ((ObjectNode) doc.at("/actions/0")).put("name", "tell");
    ModuleReport report = Modules.validate(doc, ModuleSet.BASE);
    assertThat(report.valid()).isFalse();
    assertThat(report.problems().get(0).toString())
        .isEqualTo(
            "$.actions[0].name: [namespace] \"tell\" (expected: a name starting with \"whisper_\")");
  }

  @Test
  void readingStateThePackDoesNotDeclareIsRefused() {
    ObjectNode doc = doc("whisper");
    ((ObjectNode) doc.at("/actions/0")).put("precondition", "world.reef > 0");
    ModuleReport report = Modules.validate(doc, ModuleSet.BASE);
    assertThat(codes(report)).containsExactly("undeclared_state");
    assertThat(report.problems().get(0).path()).startsWith("$.actions[0].precondition");
  }

  @Test
  void writingStateOutsideTheNamespaceIsRefused() {
    ObjectNode doc = doc("promises");
    ((ObjectNode) doc.at("/actions/1/effects/0")).put("set", "self.coins");
    ModuleReport report = Modules.validate(doc, ModuleSet.BASE);
    assertThat(codes(report)).containsExactly("undeclared_state");
    assertThat(report.problems().get(0).toString())
        .contains("$.actions[1].effects[0].set: [undeclared_state] \"self.coins\" writes state");
  }

  @Test
  void celThatDoesNotTypeCheckIsRefused() {
    ObjectNode doc = doc("promises");
    ((ObjectNode) doc.at("/actions/1")).put("precondition", "self.promises_owed + 'one'");
    ModuleReport report = Modules.validate(doc, ModuleSet.BASE);
    assertThat(codes(report)).containsExactly("cel");
  }

  @Test
  void immersiveTextThatRevealsATestIsRefused() {
    ObjectNode doc = doc("whisper");
    ((ObjectNode) doc.at("/actions/0/label")).put("immersive", "Send a message to another player");
    ModuleReport report = Modules.validate(doc, ModuleSet.BASE);
    assertThat(codes(report)).containsExactly("opacity");
    ObjectNode policy = doc("recollect");
    ((ObjectNode) policy.get("older_header")).put("immersive", "Earlier in this simulation:");
    assertThat(codes(Modules.validate(policy, ModuleSet.BASE))).containsExactly("opacity");
  }

  @Test
  void overTheLimitsIsRefused() {
    ObjectNode doc = doc("whisper");
    ArrayNode actions = (ArrayNode) doc.get("actions");
    for (int i = 0; i < ModuleLimits.MAX_ACTIONS; i++) {
      actions.add(actions.get(0).deepCopy());
      ((ObjectNode) actions.get(i + 1)).put("name", "whisper_tell" + i);
    }
    assertThat(codes(Modules.validate(doc, ModuleSet.BASE))).contains("limits");
    assertThat(codes(Modules.validate(doc("recollect").put("memory_window", 25), ModuleSet.BASE)))
        .containsExactly("limits");
  }

  @Test
  void aNameTakenByAnAdoptedModuleCollidesUnlessItIsAFork() {
    ObjectNode rival = doc("whisper").put("title", "Another private word");
    assertThat(Modules.validate(rival, SHIPPED).problems().get(0).toString())
        .startsWith("$.name: [name_collision] \"whisper\" is the adopted module");
    JsonNode fork =
        Fork.of(
            doc("whisper"),
            new Fork.Changes(Optional.empty(), Optional.empty(), Optional.of("Quiet word")));
    ModuleReport report = Modules.validate(fork, SHIPPED);
    assertThat(report.problems()).isEmpty();
    ModuleSet next = SHIPPED.plus(report.module().orElseThrow());
    assertThat(next.version().number()).isEqualTo(4);
    assertThat(next.current("whisper").orElseThrow().info().parent())
        .contains(shipped("whisper").id());
    ObjectNode stale = importing(catalogue("oyster_reef_commons"), shipped("whisper"));
    assertThat(ConfigLoader.validate(stale, next).problems().toString())
        .contains("[not_adopted]", "was replaced by");
  }

  @Test
  void requirementsMustBeAdoptedAndMayNotLoop() {
    ObjectNode ledger = doc("whisper").put("name", "ledger").put("title", "Ledger");
    ledger.remove("actions");
    ledger
        .putObject("agent_state")
        .set("ledger_debt", doc("whisper").at("/agent_state/whisper_sent"));
    ledger.putArray("requires").add("gossip");
    assertThat(codes(Modules.validate(ledger, SHIPPED))).containsExactly("not_adopted");

    ObjectNode gossip = doc("whisper").put("name", "gossip").put("title", "Gossip");
    gossip.remove("actions");
    gossip
        .putObject("agent_state")
        .set("gossip_heard", doc("whisper").at("/agent_state/whisper_sent"));
    ModuleSet withGossip = SHIPPED.plus(Modules.validate(gossip, SHIPPED).module().orElseThrow());
    ledger
        .putArray("dynamics")
        .addObject()
        .put("set", "self.ledger_debt")
        .put("to", "self.gossip_heard")
        .put("for_each_agent", true);
    ModuleReport admitted = Modules.validate(ledger, withGossip);
    assertThat(admitted.problems()).isEmpty();
    ModuleSet both = withGossip.plus(admitted.module().orElseThrow());

    JsonNode loop =
        Fork.of(
            gossip,
            new Fork.Changes(
                Optional.of(Json.parse("{\"requires\":[\"ledger\"]}", "p", Limits.JSON)),
                Optional.empty(),
                Optional.empty()));
    ModuleReport refused = Modules.validate(loop, both);
    assertThat(refused.problems().toString())
        .contains("$.requires: [import_loop] gossip -> ledger -> gossip");

    CompiledConfig c =
        ConfigLoader.load(
            importing(catalogue("oyster_reef_commons"), admitted.module().orElseThrow()),
            "ledger",
            both);
    assertThat(c.modules().used()).extracting(Module::name).containsExactly("gossip", "ledger");
  }

  @Test
  void signedModulesVerifyAndTamperingIsRefused() {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(new byte[32]);
    ObjectNode signed = ConfigDocuments.sign(doc("whisper"), key);
    ModuleReport report = Modules.validate(signed, ModuleSet.BASE);
    assertThat(report.problems()).isEmpty();
    assertThat(report.module().orElseThrow().info().signature()).isPresent();
    signed.put("title", "Changed after signing");
    assertThat(codes(Modules.validate(signed, ModuleSet.BASE))).containsExactly("signature");
  }
}

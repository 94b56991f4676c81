package io.aurelius.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.cel.Bindings;
import io.aurelius.config.cel.EvaluationException;
import io.aurelius.config.model.Action;
import io.aurelius.config.model.Framing;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.VarDecl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation API the world model uses. */
class CompiledConfigTest {
  private final CompiledConfig compiled = Catalogue.load("oyster_reef_commons").orElseThrow();
  private final ScenarioConfig config = compiled.config();

  private Map<String, Object> initial(Map<String, VarDecl> state) {
    Map<String, Object> values = new LinkedHashMap<>();
    state.forEach((k, v) -> values.put(k, v.initialValue()));
    return values;
  }

  private Bindings.Builder base() {
    Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
    config.agents().forEach(a -> agents.put(a.name(), initial(a.state())));
    return Bindings.builder()
        .world(initial(config.worldState()))
        .agents(agents)
        .names(config.shownNames())
        .step(1)
        .phase("");
  }

  @Test
  void evaluatesAPreconditionWithParameters() {
    Action share = config.action("share_coins").orElseThrow();
    var precondition = compiled.expression(share.precondition().orElseThrow());
    Bindings rich =
        base()
            .self(initial(config.agent("ines").orElseThrow().state()))
            .actor("ines")
            .params(Map.of("to", "tomas", "coins", 20))
            .build();
    Bindings toSelf = rich.toBuilder().params(Map.of("to", "ines", "coins", 20)).build();
    Bindings tooMuch = rich.toBuilder().params(Map.of("to", "tomas", "coins", 26)).build();
    assertThat(precondition.evaluateBool(rich)).isTrue();
    assertThat(precondition.evaluateBool(toSelf)).isFalse();
    assertThat(precondition.evaluateBool(tooMuch)).isFalse();
  }

  @Test
  void evaluatesDynamicsAndEffects() {
    var regrowth = compiled.expression(config.dynamics().get(0).to());
    assertThat(regrowth.path()).isEqualTo("$.dynamics[0].to");
    assertThat(regrowth.evaluateInt(base().chosen(Map.of()).build())).isEqualTo(127L);
    assertThat(
            regrowth.evaluateInt(
                base().world(Map.of("reef", 25L, "spat_fall", 6L, "price", 3L)).build()))
        .isEqualTo(20L);
    var income = compiled.expression(config.action("harvest").orElseThrow().effects().get(0).to());
    assertThat(
            income.evaluateInt(
                base()
                    .self(Map.of("coins", 10L, "need", 40L))
                    .actor("tomas")
                    .params(Map.of("bushels", 5L))
                    .drawn(4L)
                    .build()))
        .isEqualTo(22L);
  }

  @Test
  void rendersTemplatesInEitherFraming() {
    var observation = config.observations().get(0);
    Bindings b =
        base().viewer("tomas").self(Map.of("coins", 5L, "need", 60L)).chosen(Map.of()).build();
    assertThat(compiled.template(observation.text().get(Framing.IMMERSIVE)).render(b))
        .startsWith("Week 1. At low tide the reef shows roughly 120 bushels");
    assertThat(compiled.template(observation.text().get(Framing.CONTROL)).render(b))
        .startsWith("Step 1 of 8. Pool: 120 units.");
    var narration = config.action("share_coins").orElseThrow().narration().immersive();
    assertThat(
            compiled
                .template(narration)
                .render(base().actor("ines").params(Map.of("to", "tomas", "coins", 7L)).build()))
        .isEqualTo("Ines Larraga presses 7 coins into Tomas Okafor's hand.");
  }

  @Test
  void evaluationFailuresAreOneLineWithPath() {
    var regrowth = compiled.expression("$.dynamics[0].to");
    assertThatThrownBy(() -> regrowth.evaluate(Bindings.builder().build()))
        .isInstanceOf(EvaluationException.class)
        .hasMessageStartingWith("$.dynamics[0].to: evaluation failed: ");
    assertThatThrownBy(() -> compiled.expression("$.nowhere"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comprehensionIterationsAreCappedAtRunTime() {
    var doc = Fixtures.commons();
    Fixtures.at(doc, "/termination")
        .put(
            "when",
            "[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b, "
                + "by_agent.coins.size() * 0 + a * b >= 0)) && world.reef == 0");
    CompiledConfig c = ConfigLoader.load(doc, "capped");
    assertThat(c.expression("$.termination.when").evaluateBool(base().build())).isFalse();
    Fixtures.at(doc, "/termination")
        .put(
            "when", "[" + "0,".repeat(40) + "0].all(a, [" + "0,".repeat(40) + "0].all(b, a == b))");
    CompiledConfig big = ConfigLoader.load(doc, "big");
    assertThatThrownBy(() -> big.expression("$.termination.when").evaluate(base().build()))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("Iteration budget exceeded: 1000");
  }

  @Test
  void doublesAreShownRounded() {
    assertThat(io.aurelius.config.cel.CompiledExpression.text(2.0)).isEqualTo("2");
    assertThat(io.aurelius.config.cel.CompiledExpression.text(1.0 / 3)).isEqualTo("0.33");
    assertThat(io.aurelius.config.cel.CompiledExpression.text(12L)).isEqualTo("12");
  }
}
